import Foundation
import Reports
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Tests ``SVGBarChart``: well-formed, accessible, escaped, scaled, the same bytes every time.
struct SVGBarChartTests {
    let chart = SVGBarChart(
        title: "Beiträge je Ziel <&>",
        series: [.init(name: "zugeordnet"), .init(name: "unsicher")],
        rows: [
            .init(label: "Mobilität & Verkehr", values: [30, 10], texts: ["30", "10"]),
            .init(label: "Bildung", values: [20, 0], texts: ["20", "0"]),
        ])

    @Test func isWellFormedXMLWithTitleAndDescription() throws {
        let svg = chart.render()
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(svg.contains(#"role="img""#) && svg.contains(#"aria-labelledby="title desc""#))
        #expect(svg.contains("<title id=\"title\">Beiträge je Ziel &lt;&amp;&gt;</title>"))
        #expect(svg.contains("Mobilität &amp; Verkehr: zugeordnet 30, unsicher 10"))
    }

    @Test func barsScaleToTheLargestRowAndLabelsAreShortened() {
        let svg = chart.render()
        // The first row (40) spans the whole bar width of 560: 30 → 420, 10 → 140.
        #expect(svg.contains(#"width="420""#) && svg.contains(#"width="140""#))
        #expect(svg.contains(#"width="280""#))  // 20 of 40
        let long = SVGBarChart(
            title: "T", series: [.init(name: "n")],
            rows: [.init(label: String(repeating: "x", count: 120), values: [1], texts: ["1"])])
        #expect(long.render().contains(String(repeating: "x", count: 99) + "…<"))
        #expect(svg == chart.render())
    }

    @Test func anEmptyChartIsStillAnSVG() {
        let svg = SVGBarChart(title: "Themen", series: [.init(name: "Beiträge")], rows: []).render()
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }
}
