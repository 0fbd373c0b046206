/// A horizontal bar chart as a standalone SVG file: one row per item, each bar made of stacked
/// segments.
///
/// Rules:
/// - accessible: `role="img"` with a `<title>` and a `<desc>` that states every figure, so a
///   screen reader reads the chart as text; the Markdown beside it gives the same figures as a
///   table;
/// - colours from the Okabe–Ito palette (distinguishable with the common colour-vision
///   deficiencies), text in near-black on white, and each segment's value also written as a
///   number, so no figure depends on colour alone;
/// - each label on its own line above its bar; bars scale to the largest row total; labels
///   longer than 100 characters (titles: 80) are cut with `…`;
/// - all text is XML-escaped; numbers come preformatted by the caller (German or English).
/// A pure function of its input: the same chart gives the same bytes.
public struct SVGBarChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        public init(name: String) { self.name = name }
    }

    public struct Row: Sendable, Equatable {
        public var label: String
        /// One value per series.
        public var values: [Double]
        /// How each value is written (same order as `values`).
        public var texts: [String]

        public init(label: String, values: [Double], texts: [String]) {
            self.label = label
            self.values = values
            self.texts = texts
        }
    }

    public var title: String
    public var series: [Series]
    public var rows: [Row]

    public init(title: String, series: [Series], rows: [Row]) {
        self.title = title
        self.series = series
        self.rows = rows
    }

    /// Okabe & Ito (2008): blue, orange, grey, bluish green, vermillion, reddish purple.
    static let palette = ["#0072B2", "#E69F00", "#8C8C8C", "#009E73", "#D55E00", "#CC79A7"]

    static let width = 760
    static let left = 8
    static let barWidth = 560
    static let rowHeight = 44
    static let legendLine = 20
    static let top = 40

    public func render() -> String {
        let legendHeight = series.count > 1 ? series.count * Self.legendLine + 6 : 0
        let height = Self.top + legendHeight + rows.count * Self.rowHeight + 8
        let largest = rows.map { $0.values.reduce(0, +) }.max() ?? 0
        var lines: [String] = []
        lines.append(##"<?xml version="1.0" encoding="UTF-8"?>"##)
        lines.append(
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(Self.width)" height="\##(height)" "##
                + ##"viewBox="0 0 \##(Self.width) \##(height)" role="img" aria-labelledby="title desc" "##
                + ##"font-family="Helvetica, Arial, sans-serif" font-size="13">"##)
        lines.append("<title id=\"title\">\(Self.escape(title))</title>")
        lines.append("<desc id=\"desc\">\(Self.escape(description))</desc>")
        lines.append(##"<rect width="100%" height="100%" fill="#FFFFFF"/>"##)
        lines.append(
            ##"<text x="\##(Self.left)" y="24" font-size="15" font-weight="bold" fill="#1A1A1A">"##
                + Self.escape(Self.shorten(title, to: 80)) + "</text>")
        var y = Self.top
        if series.count > 1 {
            // One legend line per series, so long names never run off the chart.
            for (index, item) in series.enumerated() {
                lines.append(
                    ##"<rect x="\##(Self.left)" y="\##(y + 4)" width="12" height="12" fill="\##(Self.colour(index))"/>"##)
                lines.append(
                    ##"<text x="\##(Self.left + 18)" y="\##(y + 15)" fill="#1A1A1A">\##(Self.escape(item.name))</text>"##)
                y += Self.legendLine
            }
            y += 6
        }
        for row in rows {
            // The label on its own line above the bar: full width for long measure titles.
            lines.append(
                ##"<text x="\##(Self.left)" y="\##(y + 14)" fill="#1A1A1A">"## + Self.escape(Self.shorten(row.label, to: 100))
                    + "</text>")
            var x = Double(Self.left)
            for (index, value) in row.values.enumerated() where value > 0 && largest > 0 {
                let width = value / largest * Double(Self.barWidth)
                lines.append(
                    ##"<rect x="\##(Self.format(x))" y="\##(y + 20)" width="\##(Self.format(width))" height="16" "##
                        + ##"fill="\##(Self.colour(index))"/>"##)
                x += width
            }
            let shown = row.texts.enumerated().filter { row.values[$0.offset] > 0 || row.values.count == 1 }.map(\.element)
            lines.append(
                ##"<text x="\##(Self.format(x + 6))" y="\##(y + 33)" fill="#1A1A1A">"##
                    + Self.escape(shown.joined(separator: " / "))
                    + "</text>")
            y += Self.rowHeight
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every figure in words, for screen readers: "label: series value, series value; …".
    var description: String {
        rows.map { row in
            let parts = zip(series, row.texts).map { series.count > 1 ? "\($0.name) \($1)" : $1 }
            return row.label + ": " + parts.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    static func shorten(_ label: String, to limit: Int) -> String {
        label.count > limit ? String(label.prefix(limit - 1)) + "…" : label
    }

    /// One decimal place, no trailing `.0`: coordinates the same on every machine.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
