import CNcursesw
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
    public static func choose(environment: [String: String], terminalHasColors: Bool) -> ColorScheme {
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
        styles = Array(repeating: CellStyle(attributes: duizhao_attr_normal(), pair: 0), count: StyleRole.allCases.count)
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

    /// Attributes alone, readable on any terminal that has bold, reverse and underline.
    static func monochromeAttributes(_ role: StyleRole) -> attr_t {
        let bold = duizhao_attr_bold(), reverse = duizhao_attr_reverse()
        let underline = duizhao_attr_underline(), dim = duizhao_attr_dim()
        switch role {
        case .normal, .outline, .separator: return duizhao_attr_normal()
        case .paneTitle: return underline
        case .paneTitleFocused: return reverse | bold
        case .heading: return bold
        case .outlineCurrent: return reverse
        case .inserted: return bold | underline
        case .deleted: return reverse
        case .provincialOnly, .nationalOnly, .placeholder: return dim
        case .searchMatch: return reverse
        case .searchCurrent: return reverse | bold | underline
        case .bookmark: return bold
        case .status: return reverse
        case .statusMessage: return reverse | bold
        case .overlay: return bold
        case .overlayHeading: return bold | underline
        case .control: return reverse
        case .matrixKept, .matrixPartly: return duizhao_attr_normal()
        case .matrixDropped: return dim
        case .matrixCursor: return reverse | bold
        }
    }

    /// Foreground/background (nil: the terminal default) and attributes of a role on a colour terminal.
    /// Colours are chosen to read on both dark and light backgrounds.
    static func colorSpec(_ role: StyleRole, rich: Bool) -> (foreground: Int16?, background: Int16?, attributes: attr_t) {
        let black = Int16(COLOR_BLACK), white = Int16(COLOR_WHITE), blue = Int16(COLOR_BLUE)
        let green = Int16(COLOR_GREEN), red = Int16(COLOR_RED), yellow = Int16(COLOR_YELLOW)
        let cyan = Int16(COLOR_CYAN), magenta = Int16(COLOR_MAGENTA)
        let grey: Int16 = rich ? 244 : white
        let normal = duizhao_attr_normal(), bold = duizhao_attr_bold(), dim = duizhao_attr_dim()
        switch role {
        case .normal, .outline: return (nil, nil, normal)
        case .paneTitle: return (black, white, normal)
        case .paneTitleFocused: return (white, blue, bold)
        case .heading: return (nil, nil, bold)
        case .outlineCurrent: return (black, cyan, normal)
        case .inserted: return (black, green, normal)
        case .deleted: return (white, red, normal)
        case .provincialOnly: return (cyan, nil, normal)
        case .nationalOnly: return (magenta, nil, normal)
        case .placeholder: return (grey, nil, rich ? normal : dim)
        case .searchMatch: return (black, yellow, normal)
        case .searchCurrent: return (black, magenta, bold)
        case .bookmark: return (yellow, nil, bold)
        case .status: return (black, white, normal)
        case .statusMessage: return (white, red, bold)
        case .overlay: return (white, blue, normal)
        case .overlayHeading: return (yellow, blue, bold)
        case .separator: return (grey, nil, normal)
        case .control: return (red, nil, bold)
        case .matrixKept: return (black, green, normal)
        case .matrixPartly: return (black, yellow, normal)
        case .matrixDropped: return (red, nil, normal)
        case .matrixCursor: return (white, blue, bold)
        }
    }
}
