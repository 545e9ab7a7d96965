// HTML -> blocks, with libxml2's HTML parser in SAX mode.
//
// Why SAX and not a tree: without XML_PARSE_HUGE (which we never use) libxml2's tree builder silently drops
// everything nested more than 256 levels deep, whereas its SAX events keep coming; building no tree is also faster.
// The walk is iterative by construction: an explicit stack of open elements and no recursion, so any nesting
// depth up to BlockLimits::max_depth is handled and deeper input is a clean occkit::Error.
//
// Model: text arrives in "runs" between block boundaries (the start or end of a block-level element). A run is
// flushed into a block owned by the innermost block element, or appended to an open "collector" (heading, dt, dd,
// table cell or row) that gathers all the text inside it into one block or cell.
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "blocks/blocks_internal.hpp"
#include "occkit/blocks.hpp"
#include "occkit/cancel.hpp"
#include "occkit/error.hpp"
#include "support/text_util.hpp"
#include "xml/xml_safe.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

enum class Tag : unsigned char {
    other,  // inline or unknown: its text belongs to the enclosing block
    html,
    head,
    title,
    br,
    bold,  // strong, b
    heading,
    paragraph,  // p: transparent inside a list item, like div
    division,   // div
    list,       // ul, ol, menu, dir
    item,       // li
    definition_list,
    term,
    definition,
    table_row,
    table_cell,  // td, th
    block,       // any other block-level element: a boundary for text runs
    landmark,    // nav, header, footer, aside: block-level, its blocks marked with the landmark's Region
    main,        // main, article: content (a <header> inside is the article's, not the site's)
    link,        // a: its text may make a block link_only
    meta,        // <meta> and <link> in <head>: og:title, og:url, rel=canonical
    skipped,     // never becomes blocks, nor does anything inside it
};

struct TagInfo {
    Tag tag = Tag::other;
    int heading_level = 0;
    bool block_level = false;  // starts and ends a text run (skipped block elements too)
};

const TagInfo& tag_info(std::string_view name) {
    static const std::unordered_map<std::string_view, TagInfo> table = [] {
        std::unordered_map<std::string_view, TagInfo> t;
        auto add = [&](std::initializer_list<std::string_view> names, Tag tag, bool block_level) {
            for (auto n : names) t[n] = TagInfo{tag, 0, block_level};
        };
        add({"html"}, Tag::html, true);
        add({"head"}, Tag::head, true);
        add({"title"}, Tag::title, true);
        add({"br"}, Tag::br, false);
        add({"strong", "b"}, Tag::bold, false);
        add({"p"}, Tag::paragraph, true);
        add({"div"}, Tag::division, true);
        add({"ul", "ol", "menu", "dir"}, Tag::list, true);
        add({"li"}, Tag::item, true);
        add({"dl"}, Tag::definition_list, true);
        add({"dt"}, Tag::term, true);
        add({"dd"}, Tag::definition, true);
        add({"tr"}, Tag::table_row, true);
        add({"td", "th"}, Tag::table_cell, true);
        add({"address", "blockquote", "body",   "caption",  "center", "details", "dialog",    "fieldset", "figcaption",
             "figure",  "form",       "hgroup", "hr",       "legend", "pre",     "section",   "summary",  "table",
             "tbody",   "tfoot",      "thead",  "colgroup", "col",    "listing", "plaintext", "xmp"},
            Tag::block, true);
        add({"main", "article"}, Tag::main, true);
        add({"nav", "header", "footer", "aside"}, Tag::landmark, true);
        add({"a"}, Tag::link, false);
        add({"meta", "link"}, Tag::meta, false);
        // Scripts, media and form controls. The block-level ones still separate the text around them.
        add({"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "video", "audio", "canvas",
             "select", "textarea", "datalist", "optgroup", "option"},
            Tag::skipped, true);
        add({"button", "input", "label", "embed", "map", "area", "noembed", "noframes"}, Tag::skipped, false);
        for (int level = 1; level <= 6; ++level) {
            static constexpr std::string_view names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
            t[names[level - 1]] = TagInfo{Tag::heading, level, true};
        }
        return t;
    }();
    static const TagInfo other;
    auto it = table.find(name);
    return it == table.end() ? other : it->second;
}

std::string_view view(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : ""; }

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        char x = a[k], y = b[k];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Whether the class attribute value lists a class that hides its element.
bool has_hiding_class(std::string_view classes) {
    static constexpr std::string_view hiding[] = {"visually-hidden", "sr-only", "element-invisible", "hidden"};
    std::size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && is_ascii_space(classes[i])) ++i;
        std::size_t start = i;
        while (i < classes.size() && !is_ascii_space(classes[i])) ++i;
        std::string_view token = classes.substr(start, i - start);
        for (auto h : hiding)
            if (equals_ignoring_case(token, h)) return true;
    }
    return false;
}

// Content a reader never sees: the hidden attribute, display:none and screen-reader-only classes.
bool is_hidden(const xmlChar** attributes) {
    if (!attributes) return false;
    for (const xmlChar** a = attributes; a[0]; a += 2) {
        std::string_view name = view(a[0]), value = view(a[1]);
        if (name == "hidden") return true;
        if (name == "class") {
            if (has_hiding_class(value)) return true;
        } else if (name == "style") {
            std::string style;
            for (char c : detail::ascii_lower(value))
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') style += c;
            if (detail::contains(style, "display:none") || detail::contains(style, "visibility:hidden")) return true;
        }
    }
    return false;
}

// The furniture a class or id token names, in the spirit of Readability's "unlikely candidates": words sites use
// for cookie notices, breadcrumbs, sidebars, menus and share bars. Tokens are the attribute's words split at
// anything but letters and digits ("site-footer__links" gives site, footer, links).
std::optional<Region> region_of_token(std::string_view token) {
    struct Entry {
        std::string_view token;
        Region region;
    };
    static constexpr Entry table[] = {
        {"cookie", Region::cookie},     {"cookies", Region::cookie},        {"consent", Region::cookie},
        {"gdpr", Region::cookie},       {"breadcrumb", Region::breadcrumb}, {"breadcrumbs", Region::breadcrumb},
        {"crumbs", Region::breadcrumb}, {"sidebar", Region::aside},         {"promo", Region::aside},
        {"advert", Region::aside},      {"advertisement", Region::aside},   {"newsletter", Region::aside},
        {"stats", Region::aside},       {"share", Region::share},           {"sharing", Region::share},
        {"social", Region::share},      {"addthis", Region::share},         {"menu", Region::menu},
        {"navbar", Region::menu},       {"megamenu", Region::menu},         {"topnav", Region::menu},
        {"nav", Region::navigation},    {"navigation", Region::navigation}, {"skip", Region::navigation},
        {"footer", Region::footer},     {"masthead", Region::banner},       {"header", Region::banner},
    };
    for (const auto& e : table)
        if (equals_ignoring_case(token, e.token)) return e.region;
    return std::nullopt;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::optional<Region> region_of_words(std::string_view value) {
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && !is_ascii_alnum(value[i])) ++i;
        std::size_t start = i;
        while (i < value.size() && is_ascii_alnum(value[i])) ++i;
        if (auto r = region_of_token(value.substr(start, i - start))) return r;
    }
    return std::nullopt;
}

// The furniture an element's own markup declares: a landmark element or role, an aria-label, a class or id.
std::optional<Region> declared_region(std::string_view element, const xmlChar** attributes) {
    if (element == "nav") return Region::navigation;
    if (element == "header") return Region::banner;
    if (element == "footer") return Region::footer;
    if (element == "aside") return Region::aside;
    for (const xmlChar** a = attributes; a && a[0]; a += 2) {
        std::string_view name = view(a[0]), value = detail::trim(view(a[1]));
        if (name == "role") {
            if (equals_ignoring_case(value, "navigation")) return Region::navigation;
            if (equals_ignoring_case(value, "banner")) return Region::banner;
            if (equals_ignoring_case(value, "contentinfo")) return Region::footer;
            if (equals_ignoring_case(value, "complementary")) return Region::aside;
        }
    }
    for (const xmlChar** a = attributes; a && a[0]; a += 2) {
        std::string_view name = view(a[0]);
        if (name == "class" || name == "id" || name == "aria-label")
            if (auto r = region_of_words(view(a[1]))) return r;
    }
    return std::nullopt;
}

bool declares_main(const xmlChar** attributes) {
    for (const xmlChar** a = attributes; a && a[0]; a += 2)
        if (view(a[0]) == "role" && equals_ignoring_case(detail::trim(view(a[1])), "main")) return true;
    return false;
}

// "en-CA" -> "en"; empty unless it looks like a language subtag.
std::string primary_language(std::string_view lang) {
    lang = detail::trim(lang);
    std::string primary = detail::ascii_lower(lang.substr(0, lang.find_first_of("-_")));
    if (primary.size() < 2 || primary.size() > 8) return {};
    for (char c : primary)
        if (c < 'a' || c > 'z') return {};
    return primary;
}

bool has_visible_char(std::string_view s) { return s.find_first_not_of(" \t\n\r\f") != std::string_view::npos; }

struct Segment {
    std::string text;
    bool bold = false;
    bool link = false;
};

// Whether a run (or a collector) had text in and out of strong/b: "emphasized" means bold and nothing else; and
// in and out of links: "link_only" means nothing but link text (a menu entry, a breadcrumb step).
struct Emphasis {
    bool bold = false;
    bool plain = false;
    bool linked = false;
    bool unlinked = false;
    void add(const std::vector<Segment>& run) {
        for (const auto& seg : run) {
            if (!has_visible_char(seg.text)) continue;
            (seg.bold ? bold : plain) = true;
            (seg.link ? linked : unlinked) = true;
        }
    }
    void add(const Emphasis& other) {
        bold |= other.bold;
        plain |= other.plain;
        linked |= other.linked;
        unlinked |= other.unlinked;
    }
    bool emphasized() const { return bold && !plain; }
    bool link_only() const { return linked && !unlinked; }
};

std::string concatenated(const std::vector<Segment>& run, std::size_t from = 0) {
    std::string out;
    for (std::size_t k = from; k < run.size(); ++k) out += run[k].text;
    return out;
}

std::string without_trailing_colon(std::string text) {
    while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
    return text;
}

// "<strong>Label:</strong> value" or "<b>Label</b>: value" at the very start of a run.
std::optional<std::pair<std::string, std::string>> bold_label_value(const std::vector<Segment>& run) {
    std::size_t k = 0;
    while (k < run.size() && !run[k].bold && !has_visible_char(run[k].text)) ++k;
    std::string label;
    while (k < run.size() && run[k].bold) label += run[k++].text;
    label = normalize_space(label);
    std::string value = normalize_space(concatenated(run, k));
    if (label.empty() || value.empty()) return std::nullopt;
    if (label.back() == ':') {
        label = without_trailing_colon(std::move(label));
    } else if (value.front() == ':') {
        value = normalize_space(std::string_view(value).substr(1));
    } else {
        return std::nullopt;
    }
    if (label.empty() || value.empty()) return std::nullopt;
    return std::make_pair(std::move(label), std::move(value));
}

struct Frame {
    Tag tag = Tag::other;
    std::size_t list_depth = 0;     // ul/ol elements open at this point, this one included
    std::size_t item_owner = npos;  // index of the li whose text this element's text is, reached through p/div
    bool block_level = false;
    bool collector = false;           // this frame opened an entry of collectors_ (closed with it)
    bool in_main = false;             // inside main or article: a <header> there is the content's own
    Region region = Region::content;  // the innermost furniture this element is in
};

// Gathers all the text inside a heading, dt, dd, table cell or row.
struct Collector {
    Tag tag = Tag::other;
    int heading_level = 0;
    int line = 0;
    std::string text;
    Emphasis emphasis;
    Region region = Region::content;
    std::vector<std::string> cells;  // table_row
};

struct PendingTerm {
    std::string text;
    int line = 0;
    Region region = Region::content;
    bool emphasized = false;
    bool used = false;  // at least one dd took it as its label
};

class HtmlBlockReader {
public:
    HtmlBlockReader(htmlParserCtxtPtr ctxt, const BlockLimits& limits) : ctxt_(ctxt), limits_(limits) {
        doc_.format = InputFormat::html;
    }

    void start_element(std::string_view name, const xmlChar** attributes, int line);
    void end_element(int line);
    void characters(std::string_view text);

    bool failed() const { return error_ != nullptr; }
    void fail(std::exception_ptr error) {
        if (!error_) error_ = std::move(error);
        xmlStopParser(ctxt_);
    }
    Document finish();

private:
    std::size_t depth() const { return stack_.size() + skip_depth_; }
    void start_skipping(const TagInfo& info, int line);
    void line_break(int line);
    void read_meta(const xmlChar** attributes);
    void enter_region(std::string_view name, const TagInfo& info, const xmlChar** attributes, Frame& frame);
    void end_skipped(int line);
    void boundary(int line);
    void flush_run();
    void add_to_collector(Collector& collector, std::string text, const std::vector<Segment>& run);
    void emit_run(std::string text, const std::vector<Segment>& run, int line, bool has_bold);
    void open_collector(const TagInfo& info, int line, Frame& frame);
    void close_collector();
    void emit_pending_term();
    void emit(Block block) {
        in_main_.push_back(!stack_.empty() && stack_.back().in_main);
        doc_.blocks.push_back(std::move(block));
    }
    void mark_outside_main();

    htmlParserCtxtPtr ctxt_;
    BlockLimits limits_;
    Document doc_;
    std::exception_ptr error_;

    std::vector<Frame> stack_;
    std::vector<Collector> collectors_;
    int bold_depth_ = 0;
    int link_depth_ = 0;
    std::vector<bool> in_main_;  // per block: inside <main>, <article> or role="main"
    bool saw_main_ = false;

    int breaks_in_a_row_ = 0;     // <br>s with only white space between them
    std::size_t skip_depth_ = 0;  // > 0 inside a skipped element: how many elements deep into it
    Tag skip_root_ = Tag::other;
    bool skip_root_is_block_ = false;
    bool title_open_ = false;
    std::size_t title_depth_ = 0;
    std::string title_;

    std::vector<Segment> run_;
    bool run_visible_ = false;  // the run has more than white space (most runs between tags are just "\n")
    bool run_has_bold_ = false;
    int run_line_ = 0;       // line where the current run's first visible text began
    int boundary_line_ = 1;  // line of the last block boundary

    std::optional<PendingTerm> term_;
};

void HtmlBlockReader::start_element(std::string_view name, const xmlChar** attributes, int line) {
    if (depth() >= limits_.max_depth) {
        fail(std::make_exception_ptr(Error("nesting deeper than " + std::to_string(limits_.max_depth) + " elements")));
        return;
    }
    const TagInfo& info = tag_info(name);
    if (skip_depth_ > 0) {
        ++skip_depth_;
        // <head> is skipped for blocks, but its <title> is the page title.
        if (info.tag == Tag::title && skip_root_ == Tag::head && !title_open_ && doc_.html_title.empty()) {
            title_open_ = true;
            title_depth_ = skip_depth_;
        }
        if (info.tag == Tag::meta && skip_root_ == Tag::head) read_meta(attributes);
        return;
    }
    if (info.tag == Tag::html) {
        for (const xmlChar** a = attributes; a && a[0]; a += 2)
            if (view(a[0]) == "lang" && doc_.language.empty()) doc_.language = primary_language(view(a[1]));
    }
    if (info.tag == Tag::skipped || info.tag == Tag::head || info.tag == Tag::title || is_hidden(attributes)) {
        start_skipping(info, line);
        return;
    }
    if (info.block_level) boundary(line);
    if (info.tag == Tag::br) line_break(line);

    Frame frame;
    frame.tag = info.tag;
    frame.block_level = info.block_level;
    const Frame* parent = stack_.empty() ? nullptr : &stack_.back();
    frame.list_depth = (parent ? parent->list_depth : 0) + (info.tag == Tag::list ? 1 : 0);
    if (info.tag == Tag::item)
        frame.item_owner = stack_.size();
    else if (parent && (!info.block_level || info.tag == Tag::paragraph || info.tag == Tag::division))
        frame.item_owner = parent->item_owner;
    if (info.tag == Tag::term) emit_pending_term();
    enter_region(name, info, attributes, frame);
    open_collector(info, line, frame);
    if (info.tag == Tag::bold) ++bold_depth_;
    if (info.tag == Tag::link) ++link_depth_;
    stack_.push_back(frame);
}

// The region a new element puts its text in: its own declared furniture, else its parent's. A site <header>
// holds the logo and menus; a <header> inside <main> or <article> holds the content's own title, so it is content.
void HtmlBlockReader::enter_region(std::string_view name, const TagInfo& info, const xmlChar** attributes,
                                   Frame& frame) {
    const Frame* parent = stack_.empty() ? nullptr : &stack_.back();
    frame.in_main = (parent && parent->in_main) || info.tag == Tag::main || declares_main(attributes);
    saw_main_ = saw_main_ || frame.in_main;
    frame.region = parent ? parent->region : Region::content;
    if (!info.block_level) return;  // a link or span inside a paragraph does not make the paragraph furniture
    if (auto declared = declared_region(name, attributes)) {
        if (*declared == Region::banner && frame.in_main) return;
        frame.region = *declared;
    }
}

void HtmlBlockReader::read_meta(const xmlChar** attributes) {
    std::string_view key, content, rel, href;
    for (const xmlChar** a = attributes; a && a[0]; a += 2) {
        std::string_view name = view(a[0]);
        if (name == "property" || name == "name") key = detail::trim(view(a[1]));
        if (name == "content") content = view(a[1]);
        if (name == "rel") rel = detail::trim(view(a[1]));
        if (name == "href") href = detail::trim(view(a[1]));
    }
    if (doc_.meta_title.empty() &&
        (equals_ignoring_case(key, "og:title") || equals_ignoring_case(key, "twitter:title")))
        doc_.meta_title = normalize_space(content);
    constexpr std::size_t max_url_bytes = 2048;
    if (equals_ignoring_case(rel, "canonical") && href.size() <= max_url_bytes)
        doc_.page_url = std::string(href);  // the canonical link outranks og:url
    else if (doc_.page_url.empty() && equals_ignoring_case(key, "og:url") && content.size() <= max_url_bytes)
        doc_.page_url = std::string(detail::trim(content));
}

void HtmlBlockReader::start_skipping(const TagInfo& info, int line) {
    if (info.block_level) boundary(line);
    skip_depth_ = 1;
    skip_root_ = info.tag;
    skip_root_is_block_ = info.block_level;
    if (info.tag == Tag::title && doc_.html_title.empty()) {
        title_open_ = true;
        title_depth_ = 1;
    }
}

void HtmlBlockReader::end_skipped(int line) {
    if (title_open_ && skip_depth_ == title_depth_) {
        title_open_ = false;
        doc_.html_title = normalize_space(title_);
        title_.clear();
    }
    if (--skip_depth_ == 0 && skip_root_is_block_) boundary(line);
}

void HtmlBlockReader::end_element(int line) {
    if (skip_depth_ > 0) {
        end_skipped(line);
        return;
    }
    if (stack_.empty()) return;  // libxml2 balances start and end events; this only guards against surprises
    const Frame frame = stack_.back();
    if (frame.block_level) boundary(line);  // flush while the element is still open: it owns the run
    if (frame.collector) close_collector();
    if (frame.tag == Tag::bold && bold_depth_ > 0) --bold_depth_;
    if (frame.tag == Tag::link && link_depth_ > 0) --link_depth_;
    stack_.pop_back();
    if (frame.tag == Tag::definition_list) emit_pending_term();
}

void HtmlBlockReader::characters(std::string_view text) {
    if (title_open_) {
        title_ += text;
        return;
    }
    if (skip_depth_ > 0 || text.empty()) return;
    bool bold = bold_depth_ > 0, link = link_depth_ > 0;
    if (run_.empty() || run_.back().bold != bold || run_.back().link != link)
        run_.push_back({std::string(text), bold, link});
    else
        run_.back().text += text;
    if (!run_visible_ && has_visible_char(text)) {
        run_visible_ = true;
        run_line_ = boundary_line_;
    }
    run_has_bold_ = run_has_bold_ || bold;
    if (has_visible_char(text)) breaks_in_a_row_ = 0;
}

// "<br><br>" is a paragraph break: every text renderer shows it as a blank line, so the text after it is a block of
// its own, as in the page's text rendering. One <br> only separates words.
void HtmlBlockReader::line_break(int line) {
    characters(" ");
    if (++breaks_in_a_row_ == 2 && collectors_.empty()) boundary(line);
}

void HtmlBlockReader::boundary(int line) {
    flush_run();
    boundary_line_ = line;
}

void HtmlBlockReader::flush_run() {
    bool visible = run_visible_, has_bold = run_has_bold_;
    run_visible_ = run_has_bold_ = false;
    if (!visible) {
        run_.clear();
        return;
    }
    // Most runs are one segment: normalised straight from it, without a joined copy. run_ keeps its capacity.
    std::string joined = run_.size() > 1 ? concatenated(run_) : std::string();
    std::string_view whole = run_.size() > 1 ? std::string_view(joined) : std::string_view(run_.front().text);
    std::string text = normalize_space(whole);
    if (!text.empty()) {
        if (!collectors_.empty())
            add_to_collector(collectors_.back(), std::move(text), run_);
        else
            emit_run(std::move(text), run_, run_line_, has_bold);
    }
    run_.clear();
}

void HtmlBlockReader::add_to_collector(Collector& collector, std::string text, const std::vector<Segment>& run) {
    collector.emphasis.add(run);
    if (collector.tag == Tag::table_row) {  // text straight inside <tr>, outside any cell
        collector.cells.push_back(std::move(text));
        return;
    }
    if (!collector.text.empty()) collector.text += ' ';
    collector.text += text;
}

// A run outside any collector: a list item when it belongs to an li, else a paragraph (or a label/value pair).
void HtmlBlockReader::emit_run(std::string text, const std::vector<Segment>& run, int line, bool has_bold) {
    Emphasis emphasis;
    emphasis.add(run);
    Block block;
    block.text = std::move(text);
    block.line = line;
    block.emphasized = emphasis.emphasized();
    block.link_only = emphasis.link_only();
    const Frame* owner = stack_.empty() ? nullptr : &stack_.back();
    if (owner) block.region = owner->region;
    if (owner && owner->item_owner != npos) {
        block.kind = BlockKind::list_item;
        // "<li>- Read ...</li>": the marker printed inside the item, as the text reader drops it after a bullet
        if (std::string_view bare = detail::without_inner_bullet(block.text); bare.size() != block.text.size())
            block.text = std::string(bare);
        block.level = static_cast<int>(std::max<std::size_t>(1, owner->list_depth));
    } else if (auto label_value = has_bold ? bold_label_value(run) : detail::split_label_value(block.text)) {
        block.kind = BlockKind::label_value;
        block.label = std::move(label_value->first);
        block.value = std::move(label_value->second);
    }
    emit(std::move(block));
}

void HtmlBlockReader::open_collector(const TagInfo& info, int line, Frame& frame) {
    bool gathers = info.tag == Tag::heading || info.tag == Tag::term || info.tag == Tag::definition ||
                   info.tag == Tag::table_cell || info.tag == Tag::table_row;
    // A heading or dt/dd inside a table cell (or another collector) is part of that cell's text; cells and rows
    // always open their own (a nested table's rows become rows of their own).
    bool nested_text = info.tag != Tag::table_cell && info.tag != Tag::table_row && !collectors_.empty();
    if (!gathers || nested_text) return;
    Collector collector;
    collector.tag = info.tag;
    collector.region = frame.region;
    collector.heading_level = info.heading_level;
    collector.line = line;
    collectors_.push_back(std::move(collector));
    frame.collector = true;
}

void HtmlBlockReader::close_collector() {
    if (collectors_.empty()) return;
    Collector c = std::move(collectors_.back());
    collectors_.pop_back();
    Block block;
    block.line = c.line;
    block.emphasized = c.emphasis.emphasized();
    block.link_only = c.emphasis.link_only();
    block.region = c.region;
    switch (c.tag) {
        case Tag::heading:
            if (c.text.empty()) return;
            block.kind = BlockKind::heading;
            block.level = c.heading_level;
            block.text = std::move(c.text);
            emit(std::move(block));
            return;
        case Tag::term:
            if (!c.text.empty()) term_ = PendingTerm{std::move(c.text), c.line, c.region, block.emphasized, false};
            return;
        case Tag::definition:
            if (c.text.empty()) return;
            if (term_) {
                block.kind = BlockKind::label_value;
                block.label = without_trailing_colon(term_->text);
                block.value = std::move(c.text);
                block.text = block.label + ": " + block.value;
                block.line = term_->line;
                block.emphasized = false;
                term_->used = true;
            } else {
                block.text = std::move(c.text);
            }
            emit(std::move(block));
            return;
        case Tag::table_cell:
            if (!collectors_.empty() && collectors_.back().tag == Tag::table_row) {
                collectors_.back().cells.push_back(std::move(c.text));
                collectors_.back().emphasis.add(c.emphasis);
            } else if (!c.text.empty()) {  // a cell outside any row
                block.text = std::move(c.text);
                emit(std::move(block));
            }
            return;
        case Tag::table_row: {
            bool any_text = false;
            for (const auto& cell : c.cells) any_text = any_text || !cell.empty();
            if (!any_text) return;
            block.kind = BlockKind::table_row;
            for (std::size_t k = 0; k < c.cells.size(); ++k) block.text += (k == 0 ? "" : " | ") + c.cells[k];
            block.cells = std::move(c.cells);
            emit(std::move(block));
            return;
        }
        default:
            return;
    }
}

// A dt that no dd used as its label is still text on the page.
void HtmlBlockReader::emit_pending_term() {
    if (term_ && !term_->used) {
        Block block;
        block.text = std::move(term_->text);
        block.line = term_->line;
        block.region = term_->region;
        block.emphasized = term_->emphasized;
        emit(std::move(block));
    }
    term_.reset();
}

Document HtmlBlockReader::finish() {
    if (error_) std::rethrow_exception(error_);
    skip_depth_ = 0;
    title_open_ = false;
    while (!stack_.empty()) end_element(boundary_line_);
    flush_run();
    emit_pending_term();
    mark_outside_main();
    return std::move(doc_);
}

// A page that marks its main content (<main>, <article>, role="main") says that the rest is furniture: a stats
// box, a sidebar or a footer without landmarks. An h1 outside it is still the page's name (a hero above <main>).
void HtmlBlockReader::mark_outside_main() {
    if (!saw_main_) return;
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
        Block& b = doc_.blocks[i];
        bool page_name = b.kind == BlockKind::heading && b.level == 1;
        if (!in_main_[i] && b.region == Region::content && !page_name) b.region = Region::outside_main;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// SAX glue. Callbacks are C: nothing may be thrown through them, so failures are stored and the parser stopped.

HtmlBlockReader& reader_of(void* ctx) {
    auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
    return *static_cast<HtmlBlockReader*>(ctxt->_private);
}

template <class Body>
void guarded(void* ctx, Body&& body) {
    HtmlBlockReader& reader = reader_of(ctx);
    if (reader.failed()) return;
    try {
        throw_if_cancelled();  // the SAX events come every few KB at most, so a cancel is seen within microseconds
        body(reader);
    } catch (...) {
        reader.fail(std::current_exception());
    }
}

void on_start_element(void* ctx, const xmlChar* name, const xmlChar** attributes) {
    guarded(ctx, [&](HtmlBlockReader& r) { r.start_element(view(name), attributes, xmlSAX2GetLineNumber(ctx)); });
}

void on_end_element(void* ctx, const xmlChar*) {
    guarded(ctx, [&](HtmlBlockReader& r) { r.end_element(xmlSAX2GetLineNumber(ctx)); });
}

void on_characters(void* ctx, const xmlChar* text, int length) {
    if (length <= 0 || !text) return;
    guarded(ctx, [&](HtmlBlockReader& r) {
        r.characters(std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
    });
}

void ignore_error(void*, xmlErrorPtr) {}

htmlSAXHandler block_reader_handler() {
    htmlSAXHandler handler;
    std::memset(&handler, 0, sizeof handler);
    handler.startElement = on_start_element;
    handler.endElement = on_end_element;
    handler.characters = on_characters;
    handler.ignorableWhitespace = on_characters;  // white space between inline elements separates words
    handler.cdataBlock = on_characters;           // script/style content; dropped because those are skipped
    handler.serror = ignore_error;                // HTML in the wild is never valid; recover silently
    handler.initialized = XML_SAX2_MAGIC;
    return handler;
}

// ---- Attribute cap ------------------------------------------------------------------------------------------------
// libxml2 2.9's HTML parser checks every attribute of a start tag against all the earlier ones, before any SAX
// callback sees the tag: quadratic in the attributes of one element (130,000 take a minute). So the bytes are
// scanned first, in one pass, and a page with a start tag of more than max_attributes attributes is refused. The
// scan counts every token in a tag (a stray '/' or '"' too), so it never counts fewer than libxml2 parses; comments
// and script or style content are skipped as libxml2 skips them, so no real page is refused for them.

class AttributeScan {
public:
    AttributeScan(std::string_view html, std::size_t max) : s_(html), max_(max) {}

    // Where the first start tag with too many attributes begins, or npos.
    std::size_t overfull_tag() {
        for (i_ = s_.find('<'); i_ != npos && i_ < s_.size(); i_ = s_.find('<', i_)) {
            std::size_t tag = i_++;
            if (starts_with("!--")) {
                skip_past("-->");
            } else if (i_ < s_.size() && is_name_start(s_[i_])) {
                std::string name = ascii_lower_name();
                if (attributes_exceed_max()) return tag;
                if (name == "script" || name == "style") skip_past_ci("</" + name);
            }
        }
        return npos;
    }

private:
    std::string_view s_;
    std::size_t max_;
    std::size_t i_ = 0;

    static bool is_name_start(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c == '.';
    }
    static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
    bool starts_with(std::string_view what) const { return s_.substr(i_).starts_with(what); }
    void skip_blanks() {
        while (i_ < s_.size() && is_blank(s_[i_])) ++i_;
    }
    void skip_past(std::string_view what) {
        std::size_t at = s_.find(what, i_);
        i_ = at == npos ? s_.size() : at + what.size();
    }
    void skip_past_ci(std::string_view lower_what) {  // lower_what starts with '<'
        auto same = [](std::string_view text, std::string_view lower) {
            return std::equal(text.begin(), text.end(), lower.begin(), lower.end(), [](char t, char l) {
                return (t >= 'A' && t <= 'Z' ? static_cast<char>(t + 32) : t) == l;
            });
        };
        for (std::size_t at = s_.find('<', i_); at != npos; at = s_.find('<', at + 1))
            if (same(s_.substr(at, lower_what.size()), lower_what)) {
                i_ = at + lower_what.size();
                return;
            }
        i_ = s_.size();
    }
    std::string ascii_lower_name() {
        std::string name;
        for (; i_ < s_.size() && !is_blank(s_[i_]) && s_[i_] != '>' && s_[i_] != '/'; ++i_)
            if (name.size() < 8) name += static_cast<char>(s_[i_] >= 'A' && s_[i_] <= 'Z' ? s_[i_] + 32 : s_[i_]);
        return name;
    }

    // Counts the attribute tokens up to the tag's '>' (or the end of the input); true past max_.
    bool attributes_exceed_max() {
        std::size_t count = 0;
        for (skip_blanks(); i_ < s_.size() && s_[i_] != '>'; skip_blanks()) {
            if (++count > max_) return true;
            while (i_ < s_.size() && !is_blank(s_[i_]) && s_[i_] != '>' && s_[i_] != '=') ++i_;
            skip_blanks();
            if (i_ < s_.size() && s_[i_] == '=') skip_value();
        }
        return false;
    }

    void skip_value() {
        ++i_;
        skip_blanks();
        if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) {
            std::size_t close = s_.find(s_[i_], i_ + 1);
            i_ = close == npos ? s_.size() : close + 1;
            return;
        }
        while (i_ < s_.size() && !is_blank(s_[i_]) && s_[i_] != '>') ++i_;
    }
};

void check_attribute_counts(std::string_view html, std::size_t max_attributes) {
    if (max_attributes == SIZE_MAX) return;
    std::size_t at = AttributeScan(html, max_attributes).overfull_tag();
    if (at == npos) return;
    auto line = std::count(html.begin(), html.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    throw Error("an element with more than " + std::to_string(max_attributes) + " attributes (line " +
                std::to_string(line) + ")",
                ErrorCode::too_large);
}

struct ParserCtxtFree {
    void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

Document read_html_blocks(std::string_view utf8, const BlockLimits& limits) {
    detail::init_libxml();
    if (utf8.size() > static_cast<std::size_t>(INT_MAX)) throw Error("HTML document larger than 2 GiB", ErrorCode::too_large);
    std::unique_ptr<htmlParserCtxt, ParserCtxtFree> ctxt(htmlNewParserCtxt());
    if (!ctxt || !ctxt->sax) throw Error("cannot create an HTML parser");
    HtmlBlockReader reader(ctxt.get(), limits);
    if (utf8.empty()) return reader.finish();
    check_attribute_counts(utf8, limits.max_attributes);

    static const htmlSAXHandler handler = block_reader_handler();
    *ctxt->sax = handler;
    ctxt->_private = &reader;
    // The text is already UTF-8: naming the encoding (and IGNORE_ENC) stops a <meta charset> in it from switching
    // the parser to another decoding.
    int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                  HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    htmlDocPtr doc =
        htmlCtxtReadMemory(ctxt.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options);
    if (doc) xmlFreeDoc(doc);  // none is built with these callbacks; free one if libxml2 ever does
    return reader.finish();
}

OCCKIT_END_IMPL_NAMESPACE
