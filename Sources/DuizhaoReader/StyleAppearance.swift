/// How a style role looks on a terminal: colours (the eight basic ones, numbered as in ANSI and curses:
/// 0 black … 7 white, or a 256-colour index) and attributes. The one table behind both the ncurses palette
/// (`DuizhaoTerminal.StylePalette`) and the ANSI text of `Screen.ansiText`.
public struct Appearance: Sendable, Equatable {
    /// Nil: the terminal's default.
    public var foreground: Int16?
    public var background: Int16?
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false

    public init(
        foreground: Int16? = nil, background: Int16? = nil, bold: Bool = false, dim: Bool = false,
        underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3
    public static let blue: Int16 = 4, magenta: Int16 = 5, cyan: Int16 = 6, white: Int16 = 7
}

extension StyleRole {
    /// The role's look. `colors` false: attributes only (monochrome terminals, `NO_COLOR`), readable with bold,
    /// reverse, underline and dim. `rich`: the terminal has 256 colours (a grey for secondary text). Colours are
    /// chosen to read on both dark and light backgrounds.
    public func appearance(colors: Bool, rich: Bool = false) -> Appearance {
        colors ? colorAppearance(rich: rich) : monochromeAppearance
    }

    var monochromeAppearance: Appearance {
        switch self {
        case .normal, .outline, .separator: return Appearance()
        case .paneTitle: return Appearance(underline: true)
        case .paneTitleFocused: return Appearance(bold: true, reverse: true)
        case .heading: return Appearance(bold: true)
        case .outlineCurrent: return Appearance(reverse: true)
        case .inserted: return Appearance(bold: true, underline: true)
        case .deleted: return Appearance(reverse: true)
        case .provincialOnly, .nationalOnly, .placeholder: return Appearance(dim: true)
        case .searchMatch: return Appearance(reverse: true)
        case .searchCurrent: return Appearance(bold: true, underline: true, reverse: true)
        case .bookmark: return Appearance(bold: true)
        case .status: return Appearance(reverse: true)
        case .statusMessage: return Appearance(bold: true, reverse: true)
        case .statusProblem: return Appearance(bold: true, underline: true, reverse: true)
        case .overlay: return Appearance(bold: true)
        case .overlayHeading: return Appearance(bold: true, underline: true)
        case .control: return Appearance(reverse: true)
        case .changeLocalized: return Appearance(dim: true)
        case .changeStronger: return Appearance(bold: true, reverse: true)
        case .changeWeaker: return Appearance(underline: true, reverse: true)
        case .changeNumber: return Appearance(bold: true, underline: true)
        case .changeActor: return Appearance(bold: true, underline: true, reverse: true)
        case .changeLabel: return Appearance(bold: true)
        case .matrixKept, .matrixPartly: return Appearance()
        case .matrixDropped: return Appearance(dim: true)
        case .matrixCursor: return Appearance(bold: true, reverse: true)
        case .excerpt: return Appearance(dim: true)
        }
    }

    func colorAppearance(rich: Bool) -> Appearance {
        typealias A = Appearance
        let grey: Int16 = rich ? 244 : A.white
        switch self {
        case .normal, .outline: return A()
        case .paneTitle: return A(foreground: A.black, background: A.white)
        case .paneTitleFocused: return A(foreground: A.white, background: A.blue, bold: true)
        case .heading: return A(bold: true)
        case .outlineCurrent: return A(foreground: A.black, background: A.cyan)
        case .inserted: return A(foreground: A.black, background: A.green)
        case .deleted: return A(foreground: A.white, background: A.red)
        case .provincialOnly: return A(foreground: A.cyan)
        case .nationalOnly: return A(foreground: A.magenta)
        case .placeholder: return A(foreground: grey, dim: !rich)
        case .searchMatch: return A(foreground: A.black, background: A.yellow)
        case .searchCurrent: return A(foreground: A.black, background: A.magenta, bold: true)
        case .bookmark: return A(foreground: A.yellow, bold: true)
        case .status: return A(foreground: A.black, background: A.white)
        // Red only for problems: an ordinary message stands out from the status line without alarm.
        case .statusMessage: return A(foreground: A.black, background: A.cyan, bold: true)
        case .statusProblem: return A(foreground: A.white, background: A.red, bold: true)
        case .overlay: return A(foreground: A.white, background: A.blue)
        case .overlayHeading: return A(foreground: A.yellow, background: A.blue, bold: true)
        case .separator: return A(foreground: grey)
        case .control: return A(foreground: A.red, bold: true)
        // Change kinds: localisation quietly (grey), substance loudly (bold, underlined, a colour of its own).
        case .changeLocalized: return A(foreground: grey, dim: !rich)
        case .changeStronger: return A(foreground: A.magenta, bold: true, underline: true)
        case .changeWeaker: return A(foreground: A.cyan, bold: true, underline: true)
        case .changeNumber: return A(foreground: rich ? 208 : A.yellow, bold: true, underline: true)
        case .changeActor: return A(foreground: rich ? 33 : A.blue, bold: true, underline: true)
        case .changeLabel: return A(bold: true)
        case .matrixKept: return A(foreground: A.black, background: A.green)
        case .matrixPartly: return A(foreground: A.black, background: A.yellow)
        case .matrixDropped: return A(foreground: A.red)
        case .matrixCursor: return A(foreground: A.white, background: A.blue, bold: true)
        case .excerpt: return A(foreground: grey, dim: !rich)
        }
    }
}
