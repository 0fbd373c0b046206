import Corpus
import Foundation
import Testing
import _TestSupport

/// Tests ``StrategyImporter`` and ``FrameworkYAMLWriter``.
struct StrategyImporterTests {
    static let strategy = """
        Einleitung, die nicht dazugehört.
          • Mobilität im Quartier verbessern

            Wege sollen sicher werden.

            Auch für Kinder.

            Dazu unterstützen wir …

            … die Radwege am Markt.

            • Wir bauen sichere Radwege.

            …bei der Planung von Buslinien.

          • Digitale Bildung stärken

            Dazu unterstützen wir…

            ... lebenslanges Lernen.

            … Tablets für Schulen.
        """

    @Test func goalsMeasuresAndDescriptions() {
        let framework = StrategyImporter.parse(Self.strategy, id: "demo", title: "Demo")
        #expect(framework.goals.map(\.title) == ["Mobilität im Quartier verbessern", "Digitale Bildung stärken"])
        #expect(framework.goals[0].description == "Wege sollen sicher werden.\nAuch für Kinder.")
        #expect(framework.goals[0].measures.map(\.title) == ["Radwege am Markt", "Planung von Buslinien"])
        #expect(framework.goals[0].measures.map(\.description) == ["Wir bauen sichere Radwege.", ""])
        #expect(framework.goals[1].measures.map(\.title) == ["Lebenslanges Lernen", "Tablets für Schulen"])
        #expect(framework.goals.map(\.id) == ["mobilitaet-quartier", "digitale-bildung"])
        #expect(framework.goals[0].measures[0].id == "mobilitaet-quartier.radwege-markt")
    }

    @Test func theYAMLLoadsBackUnchanged() throws {
        let framework = StrategyImporter.parse(Self.strategy, id: "demo", title: "Demo \"Strategie\"")
        let loaded = try FrameworkLoader.parse(FrameworkYAMLWriter.yaml(framework), path: "demo.yaml")
        #expect(loaded == framework)
    }

    @Test(
        "corpora/jena-hf4/framework.yaml is reproducible from the strategy text, ids and keywords aside",
        .enabled(if: Fixtures.sharedStrategy != nil, "needs ../shared/strategy, which is not here"))
    func jenaIsReproducible() throws {
        let text = try String(contentsOf: try #require(Fixtures.sharedStrategy), encoding: .utf8)
        let imported = try FrameworkLoader.parse(
            FrameworkYAMLWriter.yaml(StrategyImporter.parse(text, id: "jena-hf4", title: "x")), path: "imported")
        let shipped = try FrameworkLoader.load(Fixtures.repositoryFile("corpora/jena-hf4/framework.yaml"))
        #expect(imported.goals.map(\.title) == shipped.goals.map(\.title))
        #expect(imported.goals.map(\.description) == shipped.goals.map(\.description))
        #expect(imported.measures.map(\.title) == shipped.measures.map(\.title))
        #expect(imported.measures.map(\.description) == shipped.measures.map(\.description))
    }
}
