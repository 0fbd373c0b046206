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

    // Found by fuzz-strategy (docs/robustness.md): a control character in a title made YAML that
    // does not load ("control characters are not allowed"). Line breaks (CR, NEL, U+2028) end a
    // line of the strategy text before any of this, so they cannot reach a title.
    @Test func controlCharactersRoundTrip() throws {
        let strategy = """
              • Ziel mit \u{01}Steuerzeichen\u{7F} und \u{9F}C1

                Beschreibung mit \u{1B}[31m Escape und \u{FEFF} BOM.

                Dazu unterstützen wir …

                … den Ausbau von „Glasfaser“: 100 %\u{08} und \u{FFFF}mehr

                • Wir bauen \u{9F}schnell aus.
            """
        let framework = StrategyImporter.parse(strategy, id: "steuer", title: "Tab\tund \\ \"Zitat\"")
        #expect(framework.goals.count == 1)
        #expect(framework.measures.map(\.description) == ["Wir bauen \u{9F}schnell aus."])
        let loaded = try FrameworkLoader.parse(FrameworkYAMLWriter.yaml(framework), path: "steuer.yaml")
        #expect(loaded == framework)
    }

    // Found by fuzz-strategy: a line of only "…" became a measure with an empty title and the id
    // "goal.", which the framework loader rejects; "… 2030 ." kept a space at the end of its title,
    // which the loader trims, so the YAML loaded back different.
    @Test func anEllipsisAloneIsNoMeasure() throws {
        let strategy = """
              • Digitale Bildung stärken

                Dazu unterstützen wir …

                …

                … .

                … Tablets für Schulen.

                … 2030 . .
            """
        let framework = StrategyImporter.parse(strategy, id: "leer", title: "Leer")
        #expect(framework.measures.map(\.title) == ["Tablets für Schulen", "2030"])
        #expect(framework.measures.map(\.id) == ["digitale-bildung.tablets-schulen", "digitale-bildung.2030"])
        #expect(try FrameworkLoader.parse(FrameworkYAMLWriter.yaml(framework), path: "leer.yaml") == framework)
    }

    // Issue "A planner's first night": only `• ` bullets were goals, and ids came from the first
    // long words (`einen-attraktiven.einen-dichteren`).
    @Test func otherBulletsAndNumbersAreGoals() throws {
        let strategy = """
            1. Einen attraktiven Standort für Gründungen schaffen

               Dazu unterstützen wir …

               … einen dichteren Takt im Nahverkehr.

            - Unsere Verwaltung digital machen

               Dazu unterstützen wir …

               … die Einführung der E-Akte.

            * Bildung

               Dazu unterstützen wir …

               … Kurse.
            """
        let framework = StrategyImporter.parse(strategy, id: "x", title: "X")
        #expect(
            framework.goals.map(\.title) == [
                "Einen attraktiven Standort für Gründungen schaffen", "Unsere Verwaltung digital machen", "Bildung",
            ])
        #expect(framework.goals.map(\.id) == ["standort-gruendungen", "verwaltung", "bildung"])
        #expect(
            framework.measures.map(\.id) == [
                "standort-gruendungen.takt-nahverkehr", "verwaltung.einfuehrung-akte", "bildung.kurse",
            ])
    }

    @Test(arguments: [
        ("• Ziel", "Ziel"), ("- Ziel", "Ziel"), ("– Ziel", "Ziel"), ("* Ziel", "Ziel"), ("12. Ziel", "Ziel"), ("3) Ziel", "Ziel"),
        ("a) Ziel", "Ziel"),
    ])
    func bullets(_ line: String, _ body: String) {
        #expect(StrategyImporter.bulletBody(line) == body)
    }

    @Test(arguments: ["Ziel", "z. B. so", "2030 wird", "-Ziel", "1.Ziel", "1234. Ziel", "a. Ziel"])
    func notBullets(_ line: String) {
        #expect(StrategyImporter.bulletBody(line) == nil)
    }
}
