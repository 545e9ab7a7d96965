// Reports of a profile diff: text (git --word-diff style), --stat, JSON; and the profile's text form for textconv.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "diff/diff_internal.hpp"
#include "json/json_writer.hpp"
#include "occkit/diff.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// ---- Text ----------------------------------------------------------------------------------------------------------

constexpr std::string_view red = "\033[31m", green = "\033[32m", yellow = "\033[33m", magenta = "\033[35m",
                           cyan = "\033[36m", bold = "\033[1m", reset = "\033[m";

// Unchanged words kept around a change in text output; longer unchanged runs are shortened with "…".
constexpr int context_words = 6;

class Painter {
public:
    explicit Painter(bool color) : color_(color) {}
    std::string paint(std::string_view code, std::string_view text) const {
        if (!color_ || text.empty()) return std::string(text);
        return std::string(code) + std::string(text) + std::string(reset);
    }
    bool color() const { return color_; }

private:
    bool color_;
};

std::vector<std::string> split_on_spaces(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) out += (k == from ? "" : " ") + words[k];
    return out;
}

// An unchanged run, shortened to its edges when long: the start of the text keeps its end, the end keeps its start.
std::string shorten_same(const std::string& text, bool first, bool last) {
    auto words = split_on_spaces(text);
    const auto keep = static_cast<std::size_t>(context_words);
    if (words.size() <= 2 * keep + 1) return text;
    std::string head = join_words(words, 0, keep), tail = join_words(words, words.size() - keep, words.size());
    if (first) return "… " + tail;
    if (last) return head + " …";
    return head + " … " + tail;
}

std::string render_words(const std::vector<WordRun>& runs, const Painter& p, bool shorten) {
    std::string out;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const WordRun& run = runs[k];
        // Words added in place of removed ones take the removed words' slot: no second space between them.
        bool replaces = run.op == WordRun::Op::added && k > 0 && runs[k - 1].op == WordRun::Op::removed;
        if (run.space_before && !out.empty() && !replaces) out += ' ';
        switch (run.op) {
            case WordRun::Op::same:
                out += shorten ? shorten_same(run.text, k == 0, k + 1 == runs.size()) : run.text;
                break;
            case WordRun::Op::removed:
                out += p.color() ? p.paint(red, run.text) : "[-" + run.text + "-]";
                break;
            case WordRun::Op::added:
                out += p.color() ? p.paint(green, run.text) : "{+" + run.text + "+}";
                break;
        }
    }
    return out;
}

std::string field_name(const FieldChange& f) {
    std::string name = f.field;
    std::replace(name.begin(), name.end(), '-', ' ');
    return f.subject.empty() ? name : name + " " + f.subject;
}

std::string field_line(const FieldChange& f, const Painter& p) {
    std::string name = field_name(f);
    switch (f.change) {
        case Change::added:
            return p.paint(green, "+ " + name + ": " + f.new_value);
        case Change::removed:
            return p.paint(red, "- " + name + ": " + f.old_value);
        default:
            break;
    }
    std::string value = f.words.empty() ? f.old_value + " → " + f.new_value : render_words(f.words, p, false);
    return p.paint(yellow, "~ " + name + ":") + " " + value;
}

std::string content_line(const ContentChange& c, const Painter& p) {
    std::string unit(to_string(c.unit));
    switch (c.change) {
        case Change::added:
            return p.paint(green, "+ " + unit + ": " + c.new_text);
        case Change::removed:
            return p.paint(red, "- " + unit + ": " + c.old_text);
        case Change::moved:
            return p.paint(magenta, "> " + unit + ": " + c.new_text + " (" + std::to_string(c.old_position) + " → " +
                                        std::to_string(c.new_position) + ")");
        default:
            return p.paint(yellow, "~ " + unit + ":") + " " + render_words(c.words, p, true);
    }
}

std::string section_label(const SectionDiff& s) { return detail::section_label(s.path, s.heading()); }

std::string section_header(const SectionDiff& s, const Painter& p) {
    std::string what(to_string(s.status));
    if (s.status == Change::unchanged) what.clear();
    if (s.moved)
        what += (what.empty() ? "" : ", ") + std::string("moved ") + std::to_string(s.old_position) + " → " +
                std::to_string(s.new_position);
    return p.paint(cyan, "@@ " + section_label(s) + " @@") + " " + what;
}

void write_warnings(std::ostringstream& out, const ProfileDiff& diff, const std::string& path, const Painter& p) {
    for (const auto& w : diff.warnings)
        if (w.path == path) out << p.paint(yellow, "! " + w.message) << '\n';
}

std::string header_lines(const DiffReportOptions& options, const Painter& p) {
    if (options.old_label.empty() && options.new_label.empty()) return {};
    return p.paint(bold, "--- " + options.old_label) + "\n" + p.paint(bold, "+++ " + options.new_label) + "\n";
}

// ---- Stat ----------------------------------------------------------------------------------------------------------

constexpr std::size_t stat_bar_width = 40;

std::string stat_bar(const ChangeStat& s, const Painter& p) {
    const int total = s.total();
    const double scale = total > static_cast<int>(stat_bar_width) ? double(stat_bar_width) / total : 1.0;
    auto part = [&](int n, char c, std::string_view color) {
        if (n == 0) return std::string();
        auto width = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(n * scale)));
        return p.paint(color, std::string(width, c));
    };
    return part(s.added, '+', green) + part(s.removed, '-', red) + part(s.changed, '~', yellow) +
           part(s.moved, '>', magenta);
}

// ---- JSON ----------------------------------------------------------------------------------------------------------

using detail::JsonWriter;

void json_words(JsonWriter& json, const std::vector<WordRun>& runs) {
    if (runs.empty()) return;
    json.key("words").begin_array();
    for (const auto& run : runs) {
        json.begin_object();
        json.key("op").string(to_string(run.op));
        json.key("text").string(run.text);
        json.key("spaceBefore").boolean(run.space_before);
        json.end_object();
    }
    json.end_array();
}

void json_content_changes(JsonWriter& json, const std::vector<ContentChange>& changes) {
    json.begin_array();
    for (const auto& c : changes) {
        json.begin_object();
        json.key("change").string(to_string(c.change));
        json.key("unit").string(to_string(c.unit));
        if (c.old_position) json.key("old").string(c.old_text).key("oldPosition").integer(c.old_position);
        if (c.new_position) json.key("new").string(c.new_text).key("newPosition").integer(c.new_position);
        json_words(json, c.words);
        json.end_object();
    }
    json.end_array();
}

void json_section(JsonWriter& json, const SectionDiff& s) {
    json.begin_object();
    json.key("path").string(s.path);
    json.key("kind").string(s.kind);
    if (s.status != Change::added) json.key("oldHeading").string(s.old_heading);
    if (s.status != Change::removed) json.key("newHeading").string(s.new_heading);
    json.key("status").string(to_string(s.status));
    json.key("moved").boolean(s.moved);
    json.key("oldPosition").integer(s.old_position);
    json.key("newPosition").integer(s.new_position);
    json.key("oldUnits").integer(s.old_units);
    json.key("newUnits").integer(s.new_units);
    json.key("fields");
    detail::write_json_field_changes(json, s.fields);
    json.key("content");
    json_content_changes(json, s.content);
    json.end_object();
}

void json_warnings(JsonWriter& json, const std::vector<RevisionWarning>& warnings) {
    json.begin_array();
    for (const auto& w : warnings) {
        json.begin_object();
        json.key("kind").string(to_string(w.kind));
        json.key("path").string(w.path);
        json.key("message").string(w.message);
        json.end_object();
    }
    json.end_array();
}

struct SectionCounts {
    int added = 0, removed = 0, changed = 0, moved = 0;
};

SectionCounts count_sections(const ProfileDiff& diff) {
    SectionCounts n;
    for (const auto& s : diff.sections) {
        n.added += s.status == Change::added;
        n.removed += s.status == Change::removed;
        n.changed += s.status == Change::changed;
        n.moved += s.moved;
    }
    return n;
}

// ---- Profile text (textconv) ---------------------------------------------------------------------------------------

void write_section_text(std::ostringstream& out, const Section& s, int depth) {
    out << '\n'
        << std::string(static_cast<std::size_t>(depth) + 2, '#') << ' ' << s.kind << ": "
        << detail::comparable_text(s.heading) << '\n';
    for (const auto& d : s.dates) out << "date " << detail::date_subject(d) << ": " << d.value << '\n';
    for (const auto& w : s.wages)
        out << "wage " << detail::wage_subject(w) << ": " << detail::wage_value_text(w) << '\n';
    for (const auto& c : s.content) {
        if (c.kind == Content::Kind::paragraph) out << detail::comparable_text(c.paragraph.text) << '\n';
        for (const auto& item : c.items)
            out << std::string(static_cast<std::size_t>(std::max(0, item.depth - 1)) * 2, ' ') << "- "
                << detail::comparable_text(item.text) << '\n';
        for (const auto& row : c.rows) {
            out << '|';
            for (const auto& cell : row.cells) out << ' ' << detail::comparable_text(cell) << " |";
            out << '\n';
        }
    }
    for (const auto& sub : s.subsections) write_section_text(out, sub, depth + 1);
}

}  // namespace

namespace detail {

ChangeStat total_stat(const ProfileDiff& diff) {
    ChangeStat total = diff.profile_stat();
    for (const auto& s : diff.sections) total += s.stat();
    return total;
}

void write_json_field_changes(JsonWriter& json, const std::vector<FieldChange>& changes) {
    json.begin_array();
    for (const auto& f : changes) {
        json.begin_object();
        json.key("field").string(f.field);
        json.key("subject").string(f.subject);
        json.key("change").string(to_string(f.change));
        if (f.change != Change::added) json.key("old").string(f.old_value);
        if (f.change != Change::removed) json.key("new").string(f.new_value);
        json_words(json, f.words);
        json.end_object();
    }
    json.end_array();
}

std::string field_change_line(const FieldChange& change, bool color) { return field_line(change, Painter(color)); }

}  // namespace detail

std::string write_diff_text(const ProfileDiff& diff, const DiffReportOptions& options) {
    if (diff.identical()) return {};
    Painter p(options.color);
    std::ostringstream out;
    out << header_lines(options, p);
    if (!diff.profile.empty() || std::any_of(diff.warnings.begin(), diff.warnings.end(),
                                             [](const RevisionWarning& w) { return w.path.empty(); })) {
        out << p.paint(cyan, "@@ profile @@") << '\n';
        for (const auto& f : diff.profile) out << field_line(f, p) << '\n';
        write_warnings(out, diff, {}, p);
    }
    for (const auto& s : diff.sections) {
        if (!detail::section_shown(s)) continue;
        out << section_header(s, p) << '\n';
        for (const auto& f : s.fields) out << field_line(f, p) << '\n';
        for (const auto& c : s.content) out << content_line(c, p) << '\n';
        write_warnings(out, diff, s.path, p);
    }
    return out.str();
}

std::string write_diff_stat(const ProfileDiff& diff, const DiffReportOptions& options) {
    if (diff.identical()) return {};
    Painter p(options.color);
    std::vector<std::pair<std::string, ChangeStat>> rows;
    if (!diff.profile.empty()) rows.emplace_back("profile", diff.profile_stat());
    for (const auto& s : diff.sections) {
        if (!detail::section_shown(s)) continue;
        ChangeStat stat = s.stat();
        if (stat.total() == 0 && s.moved) stat.moved = 1;  // the section itself moved
        rows.emplace_back(section_label(s), stat);
    }
    std::size_t width = 0, count_width = 0;
    for (const auto& [label, stat] : rows) {
        width = std::max(width, label.size());
        count_width = std::max(count_width, std::to_string(stat.total()).size());
    }
    width = std::min<std::size_t>(width, 50);
    std::ostringstream out;
    out << header_lines(options, p);
    for (const auto& [label, stat] : rows) {
        std::string shown_label =
            label.size() > width ? std::string(detail::utf8_prefix(label, width - 1)) + "…" : label;
        out << ' ' << shown_label << std::string(width > label.size() ? width - label.size() : 0, ' ') << " | "
            << std::string(count_width - std::to_string(stat.total()).size(), ' ') << stat.total() << ' '
            << stat_bar(stat, p) << '\n';
    }
    SectionCounts n = count_sections(diff);
    ChangeStat total = detail::total_stat(diff);
    out << ' ' << detail::plural(static_cast<std::size_t>(n.added + n.removed + n.changed), "section") << " changed ("
        << n.added << " added, " << n.removed << " removed, " << n.moved << " moved); " << total.added << " added, "
        << total.removed << " removed, " << total.changed << " changed, " << total.moved << " moved\n";
    return out.str();
}

void detail::write_diff_json_object(JsonWriter& json, const ProfileDiff& diff, const DiffReportOptions& options) {
    json.begin_object();
    json.key("format").string("occkit-diff");
    json.key("version").integer(1);
    json.key("old").string(options.old_label);
    json.key("new").string(options.new_label);
    json.key("identical").boolean(diff.identical());
    ChangeStat total = detail::total_stat(diff);
    SectionCounts n = count_sections(diff);
    json.key("summary").begin_object();
    json.key("added").integer(total.added);
    json.key("removed").integer(total.removed);
    json.key("changed").integer(total.changed);
    json.key("moved").integer(total.moved);
    json.key("wordsAdded").integer(total.words_added);
    json.key("wordsRemoved").integer(total.words_removed);
    json.key("sectionsAdded").integer(n.added);
    json.key("sectionsRemoved").integer(n.removed);
    json.key("sectionsChanged").integer(n.changed);
    json.key("sectionsMoved").integer(n.moved);
    json.end_object();
    json.key("profile");
    detail::write_json_field_changes(json, diff.profile);
    json.key("sections").begin_array();
    for (const auto& s : diff.sections)
        if (detail::section_shown(s)) json_section(json, s);
    json.end_array();
    json.key("warnings");
    json_warnings(json, diff.warnings);
    json.end_object();
}

std::string write_diff_json(const ProfileDiff& diff, const DiffReportOptions& options) {
    JsonWriter json(JsonStyle::pretty);
    detail::write_diff_json_object(json, diff, options);
    return json.finish();
}

std::string write_profile_text(const Profile& profile) {
    std::ostringstream out;
    using detail::comparable_text;
    if (profile.title) out << "title: " << comparable_text(profile.title->text) << '\n';
    for (const auto& t : profile.alternate_titles) out << "alternate title: " << comparable_text(t.text) << '\n';
    for (const auto& c : profile.codes) {
        out << "code " << detail::code_subject(c) << ": " << comparable_text(c.value);
        if (!c.label.empty()) out << ' ' << comparable_text(c.label);
        out << '\n';
    }
    for (const auto& f : profile.facts) out << "fact " << f.name << ": " << comparable_text(f.value) << '\n';
    for (const auto& d : profile.dates) out << "date " << detail::date_subject(d) << ": " << d.value << '\n';
    for (const auto& w : profile.wages)
        out << "wage " << detail::wage_subject(w) << ": " << detail::wage_value_text(w) << '\n';
    for (const auto& s : profile.sections) write_section_text(out, s, 0);
    if (!profile.unmapped.empty()) {
        write_section_text(out, detail::unmapped_section(profile), 0);
    }
    return out.str();
}

OCCKIT_END_IMPL_NAMESPACE
