import Foundation
import Testing
@testable import BerthScanner

@Suite("PythonPackageAnalyzer")
struct PythonPackageAnalyzerTests {
    let analyzer = PythonPackageAnalyzer()

    private func analyze(_ path: String, _ text: String, layer: Int = 0) throws -> [InstalledPackage] {
        let data = Data(text.utf8)
        let file = ImageFile(entry: FileEntry(path: path, size: Int64(data.count), mode: 0o644), contents: data, layerIndex: layer)
        return try analyzer.analyze(file).compactMap {
            if case let .package(package) = $0 { package } else { nil }
        }
    }

    @Test("claims the metadata files installers write", arguments: [
        ("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA", true),
        ("usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO", true),
        ("usr/lib/python3/dist-packages/foo-1.0.egg-info/METADATA", true),
        ("usr/lib/python2.7/dist-packages/argparse-1.2.1.egg-info", true),
        ("opt/app/eggs/Paste-3.5.0-py3.9.egg/EGG-INFO/PKG-INFO", true),
        ("usr/lib/python3/dist-packages/six-1.16.0.egg-info/top_level.txt", false),
        ("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/RECORD", false),
        ("usr/lib/python3.11/site-packages/requests/METADATA", false),
        ("PKG-INFO", false),
        ("srv/sdist/PKG-INFO", false),
    ])
    func wants(path: String, expected: Bool) {
        #expect(analyzer.wants(FileEntry(path: path, size: 100, mode: 0o644)) == expected)
    }

    @Test("empty and oversized files are declined")
    func wantsSizeBounds() {
        let path = "x-1.dist-info/METADATA"
        #expect(!analyzer.wants(FileEntry(path: path, size: 0, mode: 0o644)))
        #expect(!analyzer.wants(FileEntry(path: path, size: 17 << 20, mode: 0o644)))
    }

    @Test("reads Name, Version and License from the header block only")
    func headerBlockOnly() throws {
        let metadata = """
        Metadata-Version: 2.1
        Name: Foo.Bar_baz
        Version: 1.4.0rc1
        Summary: A thing
        License: BSD-3-Clause
        Description-Content-Type: text/markdown

        # Foo
        Name: not-this
        Version: 9.9.9
        """
        let packages = try analyze("usr/lib/python3/site-packages/Foo.Bar_baz-1.4.0rc1.dist-info/METADATA", metadata, layer: 3)
        #expect(packages == [InstalledPackage(
            name: "foo-bar-baz", version: "1.4.0rc1", format: .python, license: "BSD-3-Clause",
            location: "usr/lib/python3/site-packages/Foo.Bar_baz-1.4.0rc1.dist-info/METADATA", layerIndex: 3
        )])
        #expect(packages.first?.sourceType == .python)
    }

    @Test("CRLF line endings and case-insensitive header names")
    func crlf() throws {
        let packages = try analyze("a-1.dist-info/METADATA", "metadata-version: 2.1\r\nname: Alpha\r\nversion: 1.0\r\n\r\nbody\r\n")
        #expect(packages.map(\.name) == ["alpha"])
        #expect(packages.map(\.version) == ["1.0"])
    }

    @Test("License-Expression wins over License and classifiers")
    func licenseExpression() throws {
        let packages = try analyze("a-1.dist-info/METADATA", """
        Metadata-Version: 2.4
        Name: a
        Version: 1
        License: Some free text
        License-Expression: MIT OR Apache-2.0
        Classifier: License :: OSI Approved :: MIT License
        """)
        #expect(packages.first?.license == "MIT OR Apache-2.0")
    }

    @Test("a full license text in a folded License header gives way to classifiers")
    func foldedLicenseText() throws {
        let packages = try analyze("a-1.dist-info/METADATA", """
        Metadata-Version: 2.1
        Name: a
        Version: 1
        License: Copyright (c) 2010 Someone
                 Permission is hereby granted, free of charge, to any person obtaining a copy
                 of this software and associated documentation files.
        Classifier: Programming Language :: Python :: 3
        Classifier: License :: OSI Approved :: MIT License
        Classifier: License :: OSI Approved :: MIT License
        Classifier: License :: OSI Approved

        """)
        #expect(packages.first?.license == "MIT License")
    }

    @Test("UNKNOWN license with no classifier is no license")
    func unknownLicense() throws {
        let packages = try analyze("x.egg-info/PKG-INFO", "Metadata-Version: 1.0\nName: x\nVersion: 0.1\nLicense: UNKNOWN\n")
        #expect(packages.first?.license == nil)
    }

    @Test("distutils writes a single .egg-info file in PKG-INFO format")
    func eggInfoFile() throws {
        let path = "usr/lib/python2.7/dist-packages/python_apt-1.8.4.egg-info"
        let packages = try analyze(path, """
        Metadata-Version: 1.1
        Name: python-apt
        Version: 1.8.4
        Summary: Python bindings for APT
        Home-page: UNKNOWN
        Author: APT Development Team
        License: GNU GPL
        Platform: UNKNOWN
        """)
        #expect(packages == [InstalledPackage(name: "python-apt", version: "1.8.4", format: .python, license: "GNU GPL", location: path)])
    }

    @Test("egg EGG-INFO/PKG-INFO with the old `|`-folded description")
    func eggPkgInfo() throws {
        let packages = try analyze("opt/eggs/Paste-3.5.0-py3.9.egg/EGG-INFO/PKG-INFO", """
        Metadata-Version: 1.1
        Name: Paste
        Version: 3.5.0
        Description: Paste provides several pieces of "middleware"
                |Name: still-the-description
        License: MIT
        """)
        #expect(packages.map(\.name) == ["paste"])
        #expect(packages.first?.license == "MIT")
    }

    @Test("metadata without Name or Version is an error, not a silent skip")
    func missingFields() {
        #expect(throws: LanguageCatalogerError.malformedMetadata(path: "a-1.dist-info/METADATA", reason: "no Version header")) {
            try analyze("a-1.dist-info/METADATA", "Metadata-Version: 2.1\nName: a\n")
        }
        #expect(throws: LanguageCatalogerError.malformedMetadata(path: "a-1.dist-info/METADATA", reason: "no Name header")) {
            try analyze("a-1.dist-info/METADATA", "\nName: a\nVersion: 1\n")
        }
    }

    @Test("PEP 503 name normalisation", arguments: [
        ("Foo.Bar_baz", "foo-bar-baz"),
        ("zope.interface", "zope-interface"),
        ("PyYAML", "pyyaml"),
        ("typing_extensions", "typing-extensions"),
        ("a__b--c..d-_.e", "a-b-c-d-e"),
        ("_private_", "-private-"),
        ("  Django  ", "django"),
        ("ruamel.yaml.clib", "ruamel-yaml-clib"),
    ])
    func normalisation(raw: String, expected: String) {
        #expect(PythonPackageAnalyzer.normalizedName(raw) == expected)
    }

    // MARK: real data

    /// Every distribution Python itself sees in a site directory, with its
    /// metadata file and Python's own PEP 503 normalisation as the oracle.
    private struct Distribution: Decodable {
        var path: String
        var name: String
        var normalized: String
        var version: String
    }

    private static let listDistributions = """
    import importlib.metadata as md, json, os, re, sys
    out = []
    for dist in md.distributions(path=[sys.argv[1]]):
        base = getattr(dist, "_path", None)
        name = dist.metadata["Name"]
        if base is None or not name or not dist.version:
            continue
        base = str(base)
        if os.path.isfile(base):
            meta = base
        elif base.endswith(".dist-info"):
            meta = os.path.join(base, "METADATA")
        else:
            meta = os.path.join(base, "PKG-INFO")
        if not os.path.isfile(meta):
            continue
        out.append({"path": meta, "name": name, "version": dist.version,
                    "normalized": re.sub(r"[-_.]+", "-", name).lower()})
    print(json.dumps(out))
    """

    private static let sitePackages = """
    import site, json
    print(json.dumps(site.getsitepackages()))
    """

    private func checkSite(_ python: URL, _ site: String) throws -> (checked: Int, eggs: Int) {
        let output = try TestPeers.check(python, ["-c", Self.listDistributions, site])
        let distributions = try JSONDecoder().decode([Distribution].self, from: output.stdout)
        var eggs = 0
        for distribution in distributions {
            let path = String(distribution.path.drop(while: { $0 == "/" }))
            let data = try Data(contentsOf: URL(fileURLWithPath: distribution.path))
            let entry = FileEntry(path: path, size: Int64(data.count), mode: 0o644)
            #expect(analyzer.wants(entry), "\(path) not claimed")
            let packages = try analyzer.analyze(ImageFile(entry: entry, contents: data, layerIndex: 0)).compactMap {
                if case let .package(package) = $0 { package } else { nil }
            }
            #expect(packages.map(\.name) == [distribution.normalized], "\(path)")
            #expect(packages.map(\.version) == [distribution.version], "\(path)")
            #expect(packages.first?.location == path)
            if path.contains(".egg-info") || path.contains("EGG-INFO") { eggs += 1 }
        }
        return (distributions.count, eggs)
    }

    @Test("matches importlib.metadata on this machine's real site-packages",
          .enabled(if: TestPeers.enabled(TestPeers.python3), "python3 is not on PATH; set BERTH_REQUIRE_PEERS=1 to make this a failure"))
    func realSitePackages() throws {
        let python = try TestPeers.require(TestPeers.python3, "python3")
        let sites = try JSONDecoder().decode([String].self, from: TestPeers.check(python, ["-c", Self.sitePackages]).stdout)
        var checked = 0
        for site in sites where FileManager.default.fileExists(atPath: site) {
            checked += try checkSite(python, site).checked
        }
        #expect(checked > 0, "no distributions found in \(sites)")
    }

    /// Debian's own Python packages are mostly old-style `.egg-info`
    /// directories, the case site-packages from pip rarely shows.
    @Test("matches importlib.metadata on Debian's dist-packages",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages")
              && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
              "no Debian system Python here"))
    func debianDistPackages() throws {
        let result = try checkSite(URL(fileURLWithPath: "/usr/bin/python3"), "/usr/lib/python3/dist-packages")
        #expect(result.checked > 0)
        #expect(result.eggs > 0 || result.checked < 3)
    }
}
