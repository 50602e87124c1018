import Testing
@testable import BerthScanner

@Suite("OSV query planner")
struct OSVQueryPlannerTests {
    private let planner = OSVQueryPlanner()

    private func lookups(_ package: InstalledPackage, _ os: OperatingSystem?) -> [String] {
        planner.lookups(for: package, operatingSystem: os).map { "\($0.key.ecosystem)|\($0.key.name)|\($0.version)" }
    }

    @Test func debianUsesTheSourcePackageAndSourceVersion() {
        let os = OperatingSystem(id: "debian", versionID: "12")
        let libssl = InstalledPackage(
            name: "libssl3", version: "3.0.11-1~deb12u2+b1", format: .dpkg,
            sourceName: "openssl", sourceVersion: "3.0.11-1~deb12u2", location: "var/lib/dpkg/status")
        #expect(lookups(libssl, os) == ["Debian:12|openssl|3.0.11-1~deb12u2"])

        let sameVersion = InstalledPackage(
            name: "libc6", version: "2.36-9+deb12u1", format: .dpkg, sourceName: "glibc", location: "var/lib/dpkg/status")
        #expect(lookups(sameVersion, os) == ["Debian:12|glibc|2.36-9+deb12u1"])

        let noSource = InstalledPackage(name: "bash", version: "5.2.15-2+b2", format: .dpkg, location: "var/lib/dpkg/status")
        #expect(lookups(noSource, os) == ["Debian:12|bash|5.2.15-2+b2"])
    }

    @Test(arguments: [
        ("22.04", "Ubuntu:22.04:LTS"), ("24.04", "Ubuntu:24.04:LTS"), ("20.04", "Ubuntu:20.04:LTS"),
        ("23.10", "Ubuntu:23.10"), ("23.04", "Ubuntu:23.04"), ("24.10", "Ubuntu:24.10"),
    ])
    func ubuntuMarksLTSReleases(versionID: String, ecosystem: String) {
        let package = InstalledPackage(
            name: "libssl3", version: "3.0.2-0ubuntu1.10", format: .dpkg, sourceName: "openssl", location: "var/lib/dpkg/status")
        #expect(lookups(package, OperatingSystem(id: "ubuntu", versionID: versionID)) == ["\(ecosystem)|openssl|3.0.2-0ubuntu1.10"])
    }

    @Test func alpineUsesTheOriginAndMajorMinor() {
        let package = InstalledPackage(
            name: "ssl_client", version: "1.36.1-r15", format: .apk, sourceName: "busybox", location: "lib/apk/db/installed")
        #expect(lookups(package, OperatingSystem(id: "alpine", versionID: "3.19.1")) == ["Alpine:v3.19|busybox|1.36.1-r15"])
        #expect(lookups(package, OperatingSystem(id: "alpine", versionID: "3.20.0_alpha20240329")) == ["Alpine:v3.20|busybox|1.36.1-r15"])
    }

    @Test func rockyAndAlmaUseTheMajorAndTheSourceRPM() {
        let package = InstalledPackage(
            name: "openssl-libs", version: "1:3.0.7-24.el9", format: .rpm, sourceName: "openssl",
            sourceVersion: "3.0.7-24.el9", location: "var/lib/rpm/rpmdb.sqlite")
        #expect(lookups(package, OperatingSystem(id: "rocky", versionID: "9.3")) == ["Rocky Linux:9|openssl|1:3.0.7-24.el9"])
        #expect(lookups(package, OperatingSystem(id: "almalinux", versionID: "8.10")) == ["AlmaLinux:8|openssl|1:3.0.7-24.el9"])
    }

    @Test func rhelAsksEveryStreamBySourceAndBinaryName() {
        let package = InstalledPackage(
            name: "openssl-libs", version: "1:3.0.7-24.el9", format: .rpm, sourceName: "openssl", location: "var/lib/rpm/rpmdb.sqlite")
        #expect(lookups(package, OperatingSystem(id: "rhel", versionID: "9.3")) == [
            "Red Hat:enterprise_linux:9::baseos|openssl|1:3.0.7-24.el9",
            "Red Hat:enterprise_linux:9::baseos|openssl-libs|1:3.0.7-24.el9",
            "Red Hat:enterprise_linux:9::appstream|openssl|1:3.0.7-24.el9",
            "Red Hat:enterprise_linux:9::appstream|openssl-libs|1:3.0.7-24.el9",
            "Red Hat:enterprise_linux:9::crb|openssl|1:3.0.7-24.el9",
            "Red Hat:enterprise_linux:9::crb|openssl-libs|1:3.0.7-24.el9",
        ])
        #expect(planner.ecosystems(for: OperatingSystem(id: "centos", versionID: "7")) == ["Red Hat:enterprise_linux:7::server"])
        #expect(planner.ecosystems(for: OperatingSystem(id: "rhel", versionID: "10.1")) == [
            "Red Hat:enterprise_linux:10.0", "Red Hat:enterprise_linux:10.1",
        ])
    }

    @Test func osPackagesNeedAKnownMatchingDistribution() {
        let deb = InstalledPackage(name: "bash", version: "5.2-1", format: .dpkg, location: "var/lib/dpkg/status")
        #expect(lookups(deb, nil).isEmpty)
        #expect(lookups(deb, OperatingSystem(id: "alpine", versionID: "3.19.1")).isEmpty)
        #expect(lookups(deb, OperatingSystem(id: "linuxmint", versionID: "21")).isEmpty)
        #expect(lookups(deb, OperatingSystem(id: "debian", versionID: "")).isEmpty)
    }

    @Test func pypiNamesAreNormalised() {
        let package = InstalledPackage(name: "Zope.Interface", version: "4.1.0", format: .python, location: "usr/lib/python3/x")
        #expect(lookups(package, nil) == ["PyPI|zope-interface|4.1.0"])
    }

    @Test func npmAndMavenKeepTheirNames() {
        let npm = InstalledPackage(name: "@babel/traverse", version: "7.22.0", format: .npm, location: "app/node_modules/x")
        #expect(lookups(npm, OperatingSystem(id: "debian", versionID: "12")) == ["npm|@babel/traverse|7.22.0"])
        let maven = InstalledPackage(
            name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", format: .maven, location: "app/lib/log4j-core.jar")
        #expect(lookups(maven, nil) == ["Maven|org.apache.logging.log4j:log4j-core|2.14.1"])
        let bare = InstalledPackage(name: "log4j-core", version: "2.14.1", format: .maven, location: "app/lib/log4j-core.jar")
        #expect(lookups(bare, nil).isEmpty)
    }

    @Test func goVersionsLoseTheirVPrefix() {
        let module = InstalledPackage(name: "golang.org/x/net", version: "v0.15.0", format: .go, location: "usr/bin/app")
        #expect(lookups(module, nil) == ["Go|golang.org/x/net|0.15.0"])
        let pseudo = InstalledPackage(
            name: "golang.org/x/crypto", version: "v0.0.0-20191216044856-a8371794149d", format: .go, location: "usr/bin/app")
        #expect(lookups(pseudo, nil) == ["Go|golang.org/x/crypto|0.0.0-20191216044856-a8371794149d"])
        let stdlib = InstalledPackage(name: "stdlib", version: "go1.21.1", format: .go, location: "usr/bin/app")
        #expect(lookups(stdlib, nil) == ["Go|stdlib|1.21.1"])
        let devel = InstalledPackage(name: "example.com/app", version: "(devel)", format: .go, location: "usr/bin/app")
        #expect(lookups(devel, nil).isEmpty)
    }
}
