import Foundation
import Testing
@testable import BerthScanner

@Suite("JavaArchiveAnalyzer",
       .enabled(if: TestPeers.enabled(TestPeers.python3), "python3 (zipfile) is not on PATH; set BERTH_REQUIRE_PEERS=1 to make this a failure"))
struct JavaArchiveAnalyzerTests {
    private func analyze(_ data: Data, path: String, analyzer: JavaArchiveAnalyzer = JavaArchiveAnalyzer()) throws -> [InstalledPackage] {
        let entry = FileEntry(path: path, size: Int64(data.count), mode: 0o644)
        #expect(analyzer.wants(entry))
        return try analyzer.analyze(ImageFile(entry: entry, contents: data, layerIndex: 5)).compactMap {
            if case let .package(package) = $0 { package } else { nil }
        }
    }

    private func jar(_ configure: (inout JarBuilder) -> Void) throws -> Data {
        var builder = JarBuilder()
        configure(&builder)
        return try builder.build()
    }

    @Test("pom.properties gives the OSV Maven name groupId:artifactId")
    func pomProperties() throws {
        let data = try jar {
            $0.add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nImplementation-Title: ignored\r\nImplementation-Version: 0.0\r\n\r\n")
            $0.addPom(group: "org.apache.logging.log4j", artifact: "log4j-core", version: "2.14.1")
            $0.add("org/apache/logging/log4j/core/Logger.class", Data([0xca, 0xfe, 0xba, 0xbe]))
        }
        let packages = try analyze(data, path: "app/lib/log4j-core-2.14.1.jar")
        #expect(packages == [InstalledPackage(
            name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", format: .maven,
            location: "app/lib/log4j-core-2.14.1.jar", layerIndex: 5
        )])
        #expect(packages.first?.sourceType == .java)
    }

    @Test("a shaded jar reports every bundled pom.properties")
    func shaded() throws {
        let data = try jar {
            $0.addPom(group: "com.example", artifact: "app", version: "1.0.0")
            $0.addPom(group: "com.google.guava", artifact: "guava", version: "31.1-jre")
            $0.addPom(group: "com.fasterxml.jackson.core", artifact: "jackson-databind", version: "2.13.4.2")
        }
        let packages = try analyze(data, path: "app.jar")
        #expect(Set(packages.map { "\($0.name)@\($0.version)" }) == [
            "com.example:app@1.0.0", "com.google.guava:guava@31.1-jre", "com.fasterxml.jackson.core:jackson-databind@2.13.4.2",
        ])
    }

    @Test("manifest fallback joins 72-byte continuation lines")
    func manifestContinuation() throws {
        // Wrapped exactly as the JDK's Manifest writer wraps: 72 bytes, then
        // CRLF and one space.
        let manifest = "Manifest-Version: 1.0\r\n"
            + "Implementation-Vendor-Id: org.example.very.long.group.identifier.that.n\r\n"
            + " eeds.wrapping\r\n"
            + "Implementation-Title: widget\r\n"
            + "Implementation-Version: 3.2.1\r\n"
            + "\r\n"
            + "Name: org/example/Widget.class\r\n"
            + "Implementation-Version: 9.9.9\r\n"
            + "\r\n"
        let data = try jar { $0.add("META-INF/MANIFEST.MF", manifest) }
        let packages = try analyze(data, path: "opt/widget.jar")
        #expect(packages.map(\.name) == ["org.example.very.long.group.identifier.that.needs.wrapping:widget"])
        #expect(packages.map(\.version) == ["3.2.1"])
    }

    @Test("manifest fallback from an OSGi Bundle-SymbolicName")
    func bundleSymbolicName() throws {
        let manifest = "Manifest-Version: 1.0\nBundle-SymbolicName: com.fasterxml.jackson.core.jackson-data\n bind;singleton:=true\nBundle-Version: 2.15.2\n"
        let data = try jar { $0.add("META-INF/MANIFEST.MF", manifest) }
        let packages = try analyze(data, path: "x.JAR")
        #expect(packages.map(\.name) == ["com.fasterxml.jackson.core:jackson-databind"])
        #expect(packages.map(\.version) == ["2.15.2"])
    }

    @Test("file-name fallback when neither pom.properties nor a usable manifest exists", arguments: [
        ("usr/share/java/commons-io-2.11.0.jar", "commons-io", "2.11.0"),
        ("lib/log4j-1.2-api-2.17.1.jar", "log4j-1.2-api", "2.17.1"),
        ("lib/guava-31.1-jre.jar", "guava", "31.1-jre"),
        ("lib/spring-core-5.3.20.RELEASE.jar", "spring-core", "5.3.20.RELEASE"),
    ])
    func fileName(path: String, name: String, version: String) throws {
        let data = try jar {
            $0.add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nCreated-By: javac\n")
            $0.add("a/B.class", "x")
        }
        let packages = try analyze(data, path: path)
        #expect(packages.map(\.name) == [name])
        #expect(packages.map(\.version) == [version])
    }

    @Test("a jar with no identity at all yields nothing")
    func anonymous() throws {
        let data = try jar { $0.add("a/B.class", "x") }
        #expect(try analyze(data, path: "lib/helpers.jar").isEmpty)
    }

    @Test("war WEB-INF/lib and Spring Boot BOOT-INF/lib jars are read with ! locations")
    func nested() throws {
        let commons = try jar { $0.addPom(group: "commons-io", artifact: "commons-io", version: "2.11.0") }
        let anonymousLib = try jar { $0.add("x/Y.class", "y") }
        let war = try jar {
            $0.addPom(group: "com.example", artifact: "shop", version: "1.0")
            $0.add("WEB-INF/lib/commons-io-2.11.0.jar", commons, deflate: false)
            $0.add("WEB-INF/lib/slf4j-api-1.7.36.jar", anonymousLib)
            $0.add("WEB-INF/classes/com/example/Shop.class", "z")
        }
        let packages = try analyze(war, path: "usr/local/tomcat/webapps/shop.war")
        #expect(Set(packages.map { "\($0.location) \($0.name)@\($0.version)" }) == [
            "usr/local/tomcat/webapps/shop.war com.example:shop@1.0",
            "usr/local/tomcat/webapps/shop.war!WEB-INF/lib/commons-io-2.11.0.jar commons-io:commons-io@2.11.0",
            "usr/local/tomcat/webapps/shop.war!WEB-INF/lib/slf4j-api-1.7.36.jar slf4j-api@1.7.36",
        ])

        let boot = try jar {
            $0.add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n")
            $0.addPom(group: "com.example", artifact: "svc", version: "0.0.1-SNAPSHOT")
            $0.add("BOOT-INF/lib/commons-io-2.11.0.jar", commons, deflate: false)
        }
        let bootPackages = try analyze(boot, path: "app/svc.jar")
        #expect(bootPackages.map(\.location) == ["app/svc.jar", "app/svc.jar!BOOT-INF/lib/commons-io-2.11.0.jar"])
        #expect(bootPackages.map(\.name) == ["com.example:svc", "commons-io:commons-io"])
    }

    @Test("ear → war → jar nesting, and the depth limit")
    func depthLimit() throws {
        var inner = try jar { $0.addPom(group: "g", artifact: "level5", version: "5") }
        for level in stride(from: 4, through: 0, by: -1) {
            let child = inner
            inner = try jar {
                $0.addPom(group: "g", artifact: "level\(level)", version: "\(level)")
                $0.add("lib/level\(level + 1).jar", child)
            }
        }
        let all = try analyze(inner, path: "app.ear", analyzer: JavaArchiveAnalyzer(maximumDepth: 5))
        #expect(all.map(\.name) == (0 ... 5).map { "g:level\($0)" })
        #expect(all.last?.location == "app.ear!lib/level1.jar!lib/level2.jar!lib/level3.jar!lib/level4.jar!lib/level5.jar")
        let limited = try analyze(inner, path: "app.ear")
        #expect(limited.map(\.name) == (0 ... 4).map { "g:level\($0)" })
        let topOnly = try analyze(inner, path: "app.ear", analyzer: JavaArchiveAnalyzer(maximumDepth: 0))
        #expect(topOnly.map(\.name) == ["g:level0"])
    }

    @Test("a zip bomb is refused with a clear error once the inflate budget is spent")
    func zipBomb() throws {
        // 8 MiB of zeros deflates to a few KiB.
        let bomb = try jar {
            $0.add("META-INF/maven/g/a/pom.properties", "groupId=g\nartifactId=a\nversion=1\n#" + String(repeating: "0", count: 8 << 20))
        }
        #expect(bomb.count < 64 << 10)
        let analyzer = JavaArchiveAnalyzer(maximumInflatedBytes: 1 << 20)
        #expect(throws: LanguageCatalogerError.archiveBudgetExceeded(path: "bomb.jar", limitBytes: 1 << 20)) {
            try analyze(bomb, path: "bomb.jar", analyzer: analyzer)
        }
        // The budget covers nested archives too, charged to the outer file.
        let padded = try ["a", "b"].map { name in
            try jar {
                $0.add("big.bin", Data(count: 600 << 10), deflate: false)
                $0.addPom(group: "g", artifact: name, version: "1")
            }
        }
        let outer = try jar {
            $0.add("lib/a.jar", padded[0])
            $0.add("lib/b.jar", padded[1])
        }
        #expect(throws: LanguageCatalogerError.archiveBudgetExceeded(path: "outer.war", limitBytes: 1 << 20)) {
            try analyze(outer, path: "outer.war", analyzer: analyzer)
        }
        #expect(try analyze(outer, path: "outer.war").count == 2)
    }

    @Test("a corrupt archive is an error naming the file")
    func corrupt() throws {
        let garbage = Data("this is not a zip file, just text with a .jar name".utf8)
        #expect {
            try analyze(garbage, path: "app/broken.jar")
        } throws: { error in
            guard case let LanguageCatalogerError.corruptArchive(path, _) = error else { return false }
            return path == "app/broken.jar" && "\(error)".hasPrefix("app/broken.jar: corrupt Java archive: not a readable zip file")
        }
        let real = try jar { $0.addPom(group: "g", artifact: "a", version: "1") }
        #expect(throws: LanguageCatalogerError.self) {
            try analyze(Data(real.prefix(real.count / 2)), path: "app/truncated.jar")
        }
    }

    @Test("damaged entry data is an error, not a silently empty result")
    func damagedEntry() throws {
        var bytes = [UInt8](try jar {
            $0.add("META-INF/maven/g/a/pom.properties", "groupId=g\nartifactId=a\nversion=1\n", deflate: false)
        })
        // Flip a byte of the stored pom.properties so its CRC no longer
        // matches.
        let marker = Array("groupId=g".utf8)
        let start = try #require((0 ..< bytes.count - marker.count).first { Array(bytes[$0 ..< $0 + marker.count]) == marker })
        bytes[start] = UInt8(ascii: "G")
        #expect {
            try analyze(Data(bytes), path: "a.jar")
        } throws: { error in
            guard case let LanguageCatalogerError.corruptArchive(path, reason) = error else { return false }
            return path == "a.jar" && reason.contains("pom.properties")
        }
    }

    @Test("a corrupt nested jar is skipped; the rest of the application is still reported")
    func corruptNested() throws {
        let good = try jar { $0.addPom(group: "g", artifact: "good", version: "1") }
        let war = try jar {
            $0.addPom(group: "g", artifact: "app", version: "2")
            $0.add("WEB-INF/lib/broken-1.0.jar", "not a zip")
            $0.add("WEB-INF/lib/good-1.jar", good)
        }
        let packages = try analyze(war, path: "app.war")
        #expect(packages.map(\.name) == ["g:app", "g:good"])
    }

    @Test("claims Java archive extensions, case-insensitively", arguments: [
        ("a.jar", true), ("a.WAR", true), ("a.ear", true), ("a.par", true), ("plugins/x.jpi", true), ("plugins/x.Hpi", true),
        ("a.jar.sha1", false), ("a.zip", false), ("jar", false), ("a.jar/readme", false), ("lib/.jar", true),
    ])
    func wants(path: String, expected: Bool) {
        #expect(JavaArchiveAnalyzer().wants(FileEntry(path: path, size: 10, mode: 0o644)) == expected)
    }
}

@Suite("Java metadata parsers")
struct JavaMetadataParserTests {
    @Test("pom.properties in the spellings Java allows")
    func properties() {
        let properties = JavaProperties(parsing: Data("""
        # comment
        ! also a comment
        groupId = org.example
        artifactId: tool
        version 1.0.\\
            2
        escaped\\=key=value
        """.utf8))
        #expect(properties["groupId"] == "org.example")
        #expect(properties["artifactId"] == "tool")
        #expect(properties["version"] == "1.0.2")
        #expect(properties["escaped=key"] == "value")
        #expect(properties["missing"] == nil)
    }

    @Test("manifest names are case-insensitive and only the main section counts")
    func manifest() {
        let manifest = JarManifest(parsing: Data("\nmanifest-version: 1.0\nimplementation-title: t\nIMPLEMENTATION-VERSION: 1\n\nName: x\nImplementation-Vendor-Id: nope\n".utf8))
        #expect(manifest["Implementation-Title"] == "t")
        #expect(manifest["Implementation-Vendor-Id"] == nil)
        #expect(manifest.artifact == MavenArtifact(groupID: nil, artifactID: "t", version: "1"))
        #expect(manifest.artifact?.packageName == "t")
    }

    @Test("file names without a version do not parse", arguments: ["tools.jar", "rt.jar", "-1.jar", "a-b.jar"])
    func unversionedFileName(name: String) {
        #expect(MavenArtifact(fileName: name) == nil)
    }
}
