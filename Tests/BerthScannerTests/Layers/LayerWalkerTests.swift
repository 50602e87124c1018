import BerthScanner
import Testing

@Suite struct LayerWalkerTests {
    @Test func analysesWantedRegularFilesWithCleanedPaths() async throws {
        let spy = WantsSpy()
        let layer = TarBuilder.archive([
            TarBuilder.directory("./var/lib/dpkg"),
            TarBuilder.file("./var/lib/dpkg/status", "pkg libc6 2.36\npkg bash 5.2"),
            TarBuilder.file("/app//sub/../deps.pkgdb", "pkg left-pad 1.3.0"),
            TarBuilder.symlink("etc/os-release", to: "../usr/lib/os-release"),
            TarBuilder.file("usr/bin/tool", "pkg not-wanted 1"),
        ])
        let inventory = try await LayerFixtures.inventory([layer], analyzers: [TestAnalyzer(spy: spy)])
        #expect(LayerFixtures.names(inventory) == ["left-pad@1.3.0", "libc6@2.36", "bash@5.2"])
        #expect(inventory.packages.map(\.location) == ["app/deps.pkgdb", "var/lib/dpkg/status", "var/lib/dpkg/status"])
        // Directories and symlinks are never offered; regular files are, cleaned.
        #expect(spy.seen.map(\.path) == ["var/lib/dpkg/status", "app/deps.pkgdb", "usr/bin/tool"])
        #expect(inventory.problems.isEmpty)
        #expect(inventory.statistics.entriesSeen == 5)
        #expect(inventory.statistics.filesAnalysed == 2)
        #expect(inventory.statistics.layersWalked == 1)
    }

    @Test func packagesCarryTheLayerThatWroteTheirFile() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([TarBuilder.file("var/lib/dpkg/status", "pkg base 1")]),
            TarBuilder.archive([TarBuilder.file("app/a.pkgdb", "pkg app 2")]),
            TarBuilder.archive([TarBuilder.file("etc/motd", "hello")]),
        ])
        #expect(inventory.packages.map { "\($0.name):\($0.layerIndex)" } == ["app:1", "base:0"])
    }

    @Test func laterLayerRewritingAPackageDatabaseReplacesItsFindings() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([TarBuilder.file("var/lib/dpkg/status", "pkg libc6 2.36\npkg curl 7.88\npkg old 1")]),
            TarBuilder.archive([TarBuilder.file("var/lib/dpkg/status", "pkg libc6 2.36-9\npkg curl 7.88-10")]),
        ])
        #expect(LayerFixtures.names(inventory) == ["libc6@2.36-9", "curl@7.88-10"])
        #expect(inventory.packages.allSatisfy { $0.layerIndex == 1 })
    }

    @Test func rewriteWithNoFindingsOrANonFileStillReplaces() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([
                TarBuilder.file("var/lib/dpkg/status", "pkg a 1"), TarBuilder.file("b.pkgdb", "pkg b 1"),
                TarBuilder.file("c.pkgdb", "pkg c 1"),
            ]),
            TarBuilder.archive([
                TarBuilder.file("var/lib/dpkg/status", "# emptied"), TarBuilder.symlink("b.pkgdb", to: "elsewhere"),
                // Same path, now too dull for the analyzer (a non-wanted type of file).
                TarBuilder.directory("c.pkgdb"),
            ]),
        ])
        #expect(inventory.packages.isEmpty)
    }

    @Test func aFileReplacingALowerDirectoryHidesItsContents() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([TarBuilder.file("opt/app/x.pkgdb", "pkg x 1"), TarBuilder.file("keep.pkgdb", "pkg k 1")]),
            TarBuilder.archive([TarBuilder.symlink("opt", to: "/srv")]),
        ])
        #expect(LayerFixtures.names(inventory) == ["k@1"])
    }

    @Test func lowestPrecedenceOperatingSystemWins() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([
                TarBuilder.file("usr/lib/os-release", "os debian 11 2"), TarBuilder.file("etc/os-release", "os debian 12 1"),
            ]),
            TarBuilder.archive([TarBuilder.file("z/os-release", "os other 1 5")]),
        ])
        #expect(inventory.operatingSystem == OperatingSystem(id: "debian", versionID: "12"))
    }

    @Test func throwingAnalyzerBecomesAProblemAndTheWalkContinues() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([
                TarBuilder.file("bad.pkgdb", "pkg never 1\nthrow database is corrupt"),
                TarBuilder.file("good.pkgdb", "pkg fine 1"),
            ])
        ])
        #expect(LayerFixtures.names(inventory) == ["fine@1"])
        #expect(inventory.problems == [ScanProblem(layerIndex: 0, path: "bad.pkgdb", message: "test: database is corrupt")])
    }

    @Test func problemsAboutAFileGoAwayWithTheFile() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([TarBuilder.file("bad.pkgdb", "throw broken")]),
            TarBuilder.archive([TarBuilder.file(".wh.bad.pkgdb", "")]),
        ])
        #expect(inventory.problems.isEmpty)
    }

    @Test func filesOverTheSizeLimitAreSkippedWithAProblem() async throws {
        let inventory = try await LayerFixtures.inventory(
            [
                TarBuilder.archive([
                    TarBuilder.file("big.pkgdb", "pkg big 1\n" + String(repeating: "#", count: 200)),
                    TarBuilder.file("small.pkgdb", "pkg small 1"),
                ])
            ], maxFileSize: 100)
        #expect(LayerFixtures.names(inventory) == ["small@1"])
        #expect(inventory.problems.count == 1)
        #expect(inventory.problems.first?.path == "big.pkgdb")
        #expect(inventory.problems.first?.layerIndex == 0)
        #expect(inventory.problems.first?.message.contains("210 bytes") == true)
    }

    @Test func unwantedBodiesStreamThroughWithoutBeingBuffered() async throws {
        let size = 50 * 1024 * 1024
        let spy = WantsSpy()
        let stream = ByteStream(
            segments: [
                .bytes(TarBuilder.header(name: "usr/share/huge.bin", size: size)), .zeros(size),
                .bytes(TarBuilder.file("var/lib/dpkg/status", "pkg after-huge 1")), .bytes(TarBuilder.endOfArchive),
            ], chunkSize: 65536)
        var walker = LayerWalker(analyzers: [TestAnalyzer(spy: spy)])
        try await walker.walk(layerIndex: 0, mediaType: LayerFixtures.plainTar, bytes: stream)
        let inventory = walker.finish()
        #expect(LayerFixtures.names(inventory) == ["after-huge@1"])
        #expect(spy.seen.map(\.path) == ["usr/share/huge.bin", "var/lib/dpkg/status"])
        #expect(spy.seen.first?.size == Int64(size))
        #expect(inventory.statistics.uncompressedBytesRead == Int64(512 + size + 1024 + 1024))
        #expect(inventory.statistics.peakBufferedBytes < 4096)
    }

    @Test func wantedFilesAreBufferedOnlyForTheirOwnSize() async throws {
        let body = "pkg sized 1\n" + String(repeating: "#", count: 20_000)
        let inventory = try await LayerFixtures.inventory(
            [TarBuilder.archive([TarBuilder.file("var/lib/dpkg/status", body)])], chunkSize: 1000)
        #expect(inventory.statistics.peakBufferedBytes == body.utf8.count)
        #expect(inventory.statistics.bytesAnalysed == Int64(body.utf8.count))
    }

    @Test(arguments: [1, 7, 512, 65536])
    func chunkSizesGiveIdenticalInventories(chunkSize: Int) async throws {
        let layers = [
            TarBuilder.archive([
                TarBuilder.file("var/lib/dpkg/status", "pkg a 1\npkg b 2"), TarBuilder.file("etc/os-release", "os debian 12 1"),
                TarBuilder.file("opt/x.pkgdb", "pkg x 1\n" + String(repeating: "-", count: 3000)),
            ]),
            TarBuilder.archive([TarBuilder.file("opt/.wh.x.pkgdb", ""), TarBuilder.file("y.pkgdb", "throw nope")]),
        ]
        let reference = try await LayerFixtures.inventory(layers, chunkSize: 1 << 20)
        let inventory = try await LayerFixtures.inventory(layers, chunkSize: chunkSize)
        #expect(inventory.packages == reference.packages)
        #expect(inventory.operatingSystem == reference.operatingSystem)
        #expect(inventory.problems == reference.problems)
        #expect(LayerFixtures.names(inventory) == ["a@1", "b@2"])
        #expect(inventory.problems.count == 1)
    }

    @Test func errorsFromTheByteStreamPropagate() async throws {
        var walker = LayerWalker(analyzers: [TestAnalyzer()])
        let stream = ByteStream(
            TarBuilder.archive([TarBuilder.file("a.pkgdb", "pkg a 1")]), failure: StreamFailure(reason: "digest mismatch"))
        await #expect(throws: StreamFailure(reason: "digest mismatch")) {
            try await walker.walk(layerIndex: 0, mediaType: LayerFixtures.plainTar, bytes: stream)
        }
    }

    @Test func aFailedLayerLeavesTheWalkerAsItWas() async throws {
        var walker = LayerWalker(analyzers: [TestAnalyzer()])
        try await walker.walk(
            layerIndex: 0, mediaType: LayerFixtures.plainTar,
            bytes: ByteStream(TarBuilder.archive([TarBuilder.file("a.pkgdb", "pkg a 1")])))
        let broken = TarBuilder.file(".wh.a.pkgdb", "") + TarBuilder.file("b.pkgdb", "pkg b 1")
        await #expect(throws: TarFormatError.self) {
            try await walker.walk(
                layerIndex: 1, mediaType: LayerFixtures.plainTar, bytes: ByteStream(Array(broken.prefix(1500))))
        }
        #expect(LayerFixtures.names(walker.finish()) == ["a@1"])
    }
}
