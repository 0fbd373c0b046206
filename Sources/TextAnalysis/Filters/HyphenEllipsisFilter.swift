/// Completes words written with a suspended hyphen (Ergänzungsstrich) from their neighbours.
///
/// Rules; "connectors" are `und`, `oder`, `sowie`, `bzw`, `als`, `auch`, `wie`, symbols such as
/// `&` and other suspended words, and at most ``maximumDistance`` tokens are looked at:
/// - **leading** (`Fachkräfteausbildung, -gewinnung & -sicherung`): the nearest word before,
///   across connectors, lends its modifier, i.e. everything before its head:
///   `-gewinnung` → `Fachkräftegewinnung`, `-sicherung` → `Fachkräftesicherung`;
/// - **trailing** (`Innovations- und Digitalstandort`): the nearest word after, across
///   connectors, lends its head: `Innovations-` → `Innovationsstandort`; with a hyphenated
///   neighbour the hyphen stays (`Thinking- oder Innovation-Ansätze` → `Thinking-Ansätze`).
/// The head of the neighbour is its last compound part, or else its longest known suffix
/// (``CompoundSplitter/head(of:)``), so `Aus-, Fort- und Weiterbildung` gives `Ausbildung`.
/// The completed word gets `display`, `norm` and `parts`; a word that cannot be completed just
/// loses its hyphen (a list item `-Parkplätze` stays the word `Parkplätze`).
public struct HyphenEllipsisFilter: TokenFilter {
    public static let maximumDistance = 6
    static let connectors: Set<String> = ["und", "oder", "sowie", "bzw", "bzw.", "als", "auch", "wie"]

    public let splitter: CompoundSplitter

    public init(splitter: CompoundSplitter) {
        self.splitter = splitter
    }

    public func apply(to tokens: inout [Token]) {
        // Trailing hyphens look forward, leading ones backward; completing leading ones left to
        // right lets `-sicherung` borrow from the already completed `-gewinnung` as well.
        for index in tokens.indices where tokens[index].suspendedHyphen != nil {
            let hyphen = tokens[index].suspendedHyphen
            let neighbour = hyphen == .leading ? source(before: index, in: tokens) : source(after: index, in: tokens)
            var token = tokens[index]
            token.norm = Self.strippingHyphens(token.norm)
            token.display = Self.strippingHyphens(token.display)
            if let neighbour, let completed = complete(token, hyphen: hyphen!, with: tokens[neighbour]) {
                token = completed
            } else if let ranges = splitter.split(token.norm) {
                token.parts = CompoundSplitFilter.parts(ranges, of: token.norm, display: token.display)
            }
            tokens[index] = token
        }
    }

    /// The stretches of `tokens` that this filter reads together: each token with a suspended
    /// hyphen with ``maximumDistance`` tokens on either side (clipped to the text), overlapping
    /// stretches joined; ascending, empty for a text without suspended hyphens. Every token
    /// outside them is filtered as if it stood alone, and a stretch filtered as a text of its own
    /// gives the tokens the whole text gives there: a completed word takes its neighbour, or an
    /// earlier completed word, from within ``maximumDistance`` of itself.
    public static func neighbourhoods(of tokens: [Token]) -> [Range<Int>] {
        var stretches: [Range<Int>] = []
        for index in tokens.indices where tokens[index].suspendedHyphen != nil {
            let stretch = max(0, index - maximumDistance)..<min(tokens.count, index + maximumDistance + 1)
            if let last = stretches.last, last.upperBound > stretch.lowerBound {
                stretches[stretches.count - 1] = last.lowerBound..<stretch.upperBound
            } else {
                stretches.append(stretch)
            }
        }
        return stretches
    }

    private func isConnector(_ token: Token) -> Bool {
        token.kind == .other || token.suspendedHyphen != nil
            || (token.kind == .word && Self.connectors.contains(token.norm))
    }

    private func source(before index: Int, in tokens: [Token]) -> Int? {
        var position = index - 1
        while position >= 0 && index - position <= Self.maximumDistance {
            let token = tokens[position]
            if token.suspendedHyphen == .leading, token.parts.count >= 2 { return position }
            if !isConnector(token) { return token.kind == .word ? position : nil }
            position -= 1
        }
        return nil
    }

    private func source(after index: Int, in tokens: [Token]) -> Int? {
        var position = index + 1
        while position < tokens.count && position - index <= Self.maximumDistance {
            let token = tokens[position]
            if !isConnector(token) { return token.kind == .word ? position : nil }
            position += 1
        }
        return nil
    }

    /// The neighbour's head (last part) as norm and display, or nil.
    private func head(of neighbour: Token) -> (norm: String, display: String)? {
        if let last = neighbour.parts.last { return (last.norm, last.display) }
        let norm = Self.strippingHyphens(neighbour.norm)
        guard let range = splitter.head(of: norm) else { return nil }
        let scalars = Array(norm.unicodeScalars)
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars[range])
        let headNorm = String(head)
        let display = Self.strippingHyphens(neighbour.display)
        // Map the head back onto the display (`Nebenstraße`: norm `strasse`, display `straße`).
        let shown = DisplayAlignment(display: display, norm: norm)?.display(ofNormScalars: range) ?? headNorm
        return (headNorm, shown)
    }

    private func complete(_ token: Token, hyphen: SuspendedHyphen, with neighbour: Token) -> Token? {
        guard let head = head(of: neighbour) else { return nil }
        var completed = token
        switch hyphen {
        case .leading:
            let neighbourNorm = Self.strippingHyphens(neighbour.norm)
            let neighbourDisplay = Self.strippingHyphens(neighbour.display)
            guard neighbourNorm.hasSuffix(head.norm), neighbourNorm.count > head.norm.count,
                neighbourDisplay.count > head.display.count
            else { return nil }
            let modifierNorm = String(neighbourNorm.dropLast(head.norm.count))
            let modifierDisplay = String(neighbourDisplay.dropLast(head.display.count))
            let own = modifierNorm.hasSuffix("-") ? token.display : Self.lowercasingFirst(token.display)
            completed.norm = modifierNorm + token.norm
            completed.display = modifierDisplay + own
            let modifierParts = neighbour.parts.dropLast()
            completed.parts =
                modifierParts.isEmpty
                ? [CompoundPart(display: modifierDisplay, norm: modifierNorm)] : Array(modifierParts)
            completed.parts.append(CompoundPart(display: Self.uppercasingFirst(token.display), norm: token.norm))
        case .trailing:
            let hyphenated = neighbour.norm.utf8.contains(UInt8(ascii: "-"))
            completed.norm = token.norm + (hyphenated ? "-" : "") + head.norm
            completed.display = token.display + (hyphenated ? "-" + head.display : Self.lowercasingFirst(head.display))
            if !hyphenated, let ranges = splitter.split(completed.norm) {
                completed.parts = CompoundSplitFilter.parts(ranges, of: completed.norm, display: completed.display)
            } else {
                completed.parts = [
                    CompoundPart(display: token.display, norm: token.norm),
                    CompoundPart(display: Self.uppercasingFirst(head.display), norm: head.norm),
                ]
            }
        }
        return completed
    }

    static func strippingHyphens(_ text: String) -> String {
        let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}"]
        var result = Substring(text)
        while let first = result.first, hyphens.contains(first) { result = result.dropFirst() }
        while let last = result.last, hyphens.contains(last) { result = result.dropLast() }
        return String(result)
    }

    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    static func uppercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
