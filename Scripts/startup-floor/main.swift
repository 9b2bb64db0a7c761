// The floor for duizhao's start-up (issue 13): the least a Swift program on ncursesw does to show one full
// 160x45 frame of CJK text (locale, terminal set-up, one frame, then wait for a key). Built by
// Scripts/startup-floor.sh; measured by `duizhao-bench startup --floor PATH`.
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

setlocale(LC_ALL, "")
guard newterm(nil, stdout, stdin) != nil, let window = duizhao_standard_screen() else { exit(1) }
_ = cbreak()
_ = noecho()
_ = curs_set(0)
let rows = duizhao_window_rows(window), columns = duizhao_window_columns(window)
let line = Array(String(repeating: "坚持改革引领，完善市场准入，规范竞争秩序，优化发展环境。", count: 8).unicodeScalars)
    .map { wchar_t(bitPattern: $0.value) }
for row in 0..<rows {
    var text = Array(line.prefix(Int(columns) / 2)) + [0]
    _ = mvwaddnwstr(window, row, 0, &text, Int32(columns / 2))
}
_ = wrefresh(window)
_ = wgetch(window)
endwin()
