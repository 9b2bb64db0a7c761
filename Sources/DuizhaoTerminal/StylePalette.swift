import CNcursesw
import DuizhaoCore
import DuizhaoReader

/// How style roles reach the terminal: colour pairs, or attributes only.
public enum ColorScheme: Sendable, Equatable {
    /// Colour pairs (plus bold/underline where they help).
    case color
    /// Bold, reverse, underline and dim only: the terminal has no colours.
    case monochrome
    /// The user asked for no colour (`NO_COLOR`): attributes only, exactly as monochrome.
    case noColor

    /// Picks the scheme: `NO_COLOR` (non-empty) wins, then the terminal's colour capability.
    public static func choose(environment: ProcessEnvironment, terminalHasColors: Bool) -> ColorScheme {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .noColor }
        return terminalHasColors ? .color : .monochrome
    }
}

/// The ncurses attributes and colour pair used for one style role.
struct CellStyle: Equatable {
    var attributes: attr_t
    var pair: Int16
}

/// Maps every `StyleRole` to a `CellStyle`, creating the colour pairs a colour scheme needs.
struct StylePalette {
    private(set) var styles: [CellStyle]
    let scheme: ColorScheme

    /// Builds the palette; for `.color` this calls `start_color` and defines pairs, so curses must be running.
    init(scheme: ColorScheme) {
        self.scheme = scheme
        styles = Array(
            repeating: CellStyle(attributes: duizhao_attr_normal(), pair: 0), count: StyleRole.allCases.count)
        switch scheme {
        case .color:
            _ = start_color()
            let hasDefaults = use_default_colors() == OK
            let defaultForeground: Int16 = hasDefaults ? -1 : Int16(COLOR_WHITE)
            let defaultBackground: Int16 = hasDefaults ? -1 : Int16(COLOR_BLACK)
            let rich = duizhao_color_count() >= 256
            var nextPair: Int16 = 1
            for role in StyleRole.allCases {
                let spec = Self.colorSpec(role, rich: rich)
                let foreground = spec.foreground ?? defaultForeground
                let background = spec.background ?? defaultBackground
                var pair: Int16 = 0
                if spec.foreground != nil || spec.background != nil, Int(nextPair) < duizhao_color_pair_count() {
                    _ = init_pair(nextPair, foreground, background)
                    pair = nextPair
                    nextPair += 1
                }
                styles[Int(role.rawValue)] = CellStyle(attributes: spec.attributes, pair: pair)
            }
        case .monochrome, .noColor:
            for role in StyleRole.allCases {
                styles[Int(role.rawValue)] = CellStyle(attributes: Self.monochromeAttributes(role), pair: 0)
            }
        }
    }

    func style(_ role: StyleRole) -> CellStyle { styles[Int(role.rawValue)] }

    /// The curses attributes of an appearance (its colours go into a pair).
    static func attributes(_ look: Appearance) -> attr_t {
        var result = duizhao_attr_normal()
        if look.bold { result |= duizhao_attr_bold() }
        if look.dim { result |= duizhao_attr_dim() }
        if look.underline { result |= duizhao_attr_underline() }
        if look.reverse { result |= duizhao_attr_reverse() }
        return result
    }

    /// Attributes alone, readable on any terminal that has bold, reverse and underline.
    static func monochromeAttributes(_ role: StyleRole) -> attr_t {
        attributes(role.appearance(colors: false))
    }

    /// Foreground/background (nil: the terminal default) and attributes of a role on a colour terminal.
    static func colorSpec(_ role: StyleRole, rich: Bool) -> (foreground: Int16?, background: Int16?, attributes: attr_t)
    {
        let look = role.appearance(colors: true, rich: rich)
        return (look.foreground, look.background, attributes(look))
    }
}
