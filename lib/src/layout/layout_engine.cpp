// The layout engine (layout/layout_engine.hpp): one pass over the blocks of a page, placing each block in the
// profile as the layout's rules say (title, field, chrome, outline, heading, date, content) and recording where it
// went. Each job is a type of its own, sharing state only through what the engine hands it:
//   Page          the blocks and what each reads as (layout/page.hpp)
//   TitleFinder   the title line and the site's lines above it (layout/title.hpp)
//   FieldReader   the title taken apart, fields, codes and facts (layout/fields.hpp)
//   Sectioner     sections opened, nested and closed; content placed (layout/sections.hpp)
//   TableReader   flattened tables rebuilt as rows (layout/tables.hpp)
//   DatesAndWages where dates and wages attach (layout/dates_wages.hpp)
// The engine owns the profile being built (PageOutput) and the path of open sections (SectionPath).
#include "layout/layout_engine.hpp"

#include "layout/dates_wages.hpp"
#include "layout/fields.hpp"
#include "layout/section_path.hpp"
#include "layout/sections.hpp"
#include "layout/tables.hpp"
#include "layout/title.hpp"
#include "occkit/cancel.hpp"
#include "occkit/dates.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

class Engine {
public:
    Engine(const Document& doc, const LayoutRules& rules, const LayoutRules& base, std::vector<std::string> keys,
           bool record_placements, std::string_view url)
        : page_(doc, rules, base, std::move(keys)),
          out_(page_, record_placements),
          path_(out_.profile()),
          dates_(rules, path_),
          fields_(page_, out_),
          sections_(page_, out_, path_, dates_, fields_),
          tables_(page_, out_, path_, sections_, dates_),
          titles_(page_, url) {}

    LaidOutPage run();

private:
    void take_chrome(std::size_t i);
    void take_block(std::size_t& i, std::size_t title);

    Page page_;
    PageOutput out_;
    SectionPath path_;
    DatesAndWages dates_;
    FieldReader fields_;
    Sectioner sections_;
    TableReader tables_;
    TitleFinder titles_;
};

LaidOutPage Engine::run() {
    const std::size_t title = titles_.find_title();
    sections_.start(title);  // heading levels are counted before the page head turns to chrome
    titles_.mark_page_head(title);
    for (std::size_t i = 0; i < page_.size(); ++i) {
        if (i % 1024 == 0) throw_if_cancelled();  // occkit/cancel.hpp: a huge page stops within milliseconds
        take_block(i, title);
    }
    return out_.finish();
}

// Block i, read as the first thing it can be; i moves on past the blocks a field or a table row took with it.
void Engine::take_block(std::size_t& i, std::size_t title) {
    if (page_.is_chrome(i)) return take_chrome(i);
    if (i == title) return fields_.take_title(i);
    if (fields_.restates_title(i)) return out_.place(i, "title (restated)");
    if (page_.is_comparison_line(i)) {
        sections_.add_content(i);
        if (!path_.open.empty()) dates_.begin_comparison(path_.current()->kind);
        return;
    }
    if (fields_.try_field(i) || sections_.try_outline(i) || tables_.try_table_row(i)) return;
    const HeadingRule* rule = page_.heading_rule(i);
    if (page_.is_heading(i, rule)) return sections_.open_heading(i, rule);
    if (sections_.try_date_only(i)) return;
    sections_.add_content(i);
}

void Engine::take_chrome(std::size_t i) {
    const Block& b = page_.block(i);
    for (const auto& dp : find_date_phrases(b.text)) {  // a footer's "© 2009" still dates the page
        Date d{dp.kind, dp.date.precision, dp.date.iso(), dp.phrase, {}, b.line};
        out_.profile().dates.push_back(std::move(d));
    }
    if (!out_.recording()) return;
    std::string_view reason = page_.chrome_reason(i);
    out_.place(i, reason.empty() ? std::string("chrome") : "chrome (" + std::string(reason) + ")");
}

}  // namespace

LaidOutPage run_layout_engine(const Document& doc, const LayoutRules& rules, const LayoutRules* base,
                              std::vector<std::string> keys, bool record_placements, std::string_view url) {
    Engine engine(doc, rules, base ? *base : rules, std::move(keys), record_placements, url);
    return engine.run();
}

OCCKIT_END_IMPL_NAMESPACE
