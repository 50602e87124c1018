import BerthScanner
import Testing

@Suite struct LayerWhiteoutTests {
    static let base = TarBuilder.archive([
        TarBuilder.file("var/lib/dpkg/status", "pkg libc6 2.36"),
        TarBuilder.file("opt/app/lib/one.pkgdb", "pkg one 1"),
        TarBuilder.file("opt/app/lib/deep/two.pkgdb", "pkg two 2"),
        TarBuilder.file("opt/application.pkgdb", "pkg sibling 3"),
        TarBuilder.file("srv/keep.pkgdb", "pkg keep 4"),
    ])

    @Test func whiteoutOfAFile() async throws {
        let inventory = try await LayerFixtures.inventory([
            Self.base, TarBuilder.archive([TarBuilder.file("var/lib/dpkg/.wh.status", "")]),
        ])
        #expect(LayerFixtures.names(inventory) == ["two@2", "one@1", "sibling@3", "keep@4"])
    }

    @Test func whiteoutOfADirectoryRemovesEverythingUnderIt() async throws {
        let inventory = try await LayerFixtures.inventory([
            Self.base, TarBuilder.archive([TarBuilder.file("opt/.wh.app", "")]),
        ])
        // `opt/application.pkgdb` shares the prefix but not the directory.
        #expect(LayerFixtures.names(inventory) == ["sibling@3", "keep@4", "libc6@2.36"])
    }

    @Test func opaqueDirectoryHidesLowerContentsButKeepsItsOwnLayersFiles() async throws {
        // The marker comes after the layer's own file: it must still apply first.
        let inventory = try await LayerFixtures.inventory([
            Self.base,
            TarBuilder.archive([
                TarBuilder.directory("opt"), TarBuilder.file("opt/new.pkgdb", "pkg new 5"),
                TarBuilder.file("opt/.wh..wh..opq", ""),
            ]),
        ])
        #expect(LayerFixtures.names(inventory) == ["new@5", "keep@4", "libc6@2.36"])
        #expect(inventory.packages.first?.layerIndex == 1)
    }

    @Test func opaqueRootHidesEveryLowerFile() async throws {
        let inventory = try await LayerFixtures.inventory([
            Self.base, TarBuilder.archive([TarBuilder.file(".wh..wh..opq", ""), TarBuilder.file("top.pkgdb", "pkg top 1")]),
        ])
        #expect(LayerFixtures.names(inventory) == ["top@1"])
    }

    @Test func sameLayerWhiteoutIsNotApplied() async throws {
        let inventory = try await LayerFixtures.inventory([
            TarBuilder.archive([
                TarBuilder.file("srv/keep.pkgdb", "pkg same-layer 1"), TarBuilder.file("srv/.wh.keep.pkgdb", ""),
                TarBuilder.file("srv/.wh..wh..opq", ""),
            ])
        ])
        #expect(LayerFixtures.names(inventory) == ["same-layer@1"])
    }

    @Test func whiteoutThenReAddInTheSameUpperLayerKeepsTheNewFile() async throws {
        let inventory = try await LayerFixtures.inventory([
            Self.base,
            TarBuilder.archive([
                TarBuilder.file("srv/keep.pkgdb", "pkg keep 40"), TarBuilder.file("srv/.wh.keep.pkgdb", ""),
            ]),
        ])
        let keep = inventory.packages.filter { $0.location == "srv/keep.pkgdb" }
        #expect(keep.map { "\($0.name)@\($0.version):\($0.layerIndex)" } == ["keep@40:1"])
    }

    @Test func laterLayerCanRecreateAWhitedOutFile() async throws {
        let inventory = try await LayerFixtures.inventory([
            Self.base,
            TarBuilder.archive([TarBuilder.file("srv/.wh.keep.pkgdb", "")]),
            TarBuilder.archive([TarBuilder.file("srv/keep.pkgdb", "pkg back 9")]),
        ])
        #expect(LayerFixtures.names(inventory).contains("back@9"))
        #expect(!LayerFixtures.names(inventory).contains("keep@4"))
    }

    @Test func whiteoutEntriesAreNeverAnalysed() async throws {
        let spy = WantsSpy()
        _ = try await LayerFixtures.inventory(
            [
                Self.base,
                TarBuilder.archive([
                    TarBuilder.file("srv/.wh.keep.pkgdb", "pkg ghost 1"), TarBuilder.file("opt/.wh..wh..opq", "pkg ghost 2"),
                    TarBuilder.file("x/.wh.", "pkg invalid 3"),
                ]),
            ], analyzers: [TestAnalyzer(spy: spy)])
        #expect(!spy.seen.contains { $0.path.contains(".wh.") })
    }
}
