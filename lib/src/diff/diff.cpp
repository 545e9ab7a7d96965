// The profile diff: fields by key, sections by kind (and heading), section content as one sequence of units
// aligned by Myers' LCS, then moves (same text elsewhere) and changes (similar text in the same gap, word diff).
#include "occkit/diff.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>

#include "diff/diff_internal.hpp"
#include "diff/myers.hpp"
#include "occkit/cancel.hpp"
#include "occkit/convert.hpp"
#include "occkit/decode.hpp"
#include "occkit/error.hpp"
#include "occkit/xml.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace detail {

std::string comparable_text(std::string_view text) {
    std::string spaced = normalize_space(text);
    bool ascii = std::all_of(spaced.begin(), spaced.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return spaced;  // ASCII is already in every normalisation form
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return spaced;
    icu::StringPiece piece(spaced.data(), static_cast<int32_t>(spaced.size()));
    if (nfkc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return spaced;
    std::string normalized;
    icu::StringByteSink<std::string> sink(&normalized);
    status = U_ZERO_ERROR;
    nfkc->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return spaced;
    // NFKC can turn compatibility characters into spaces (U+2002 and the like): collapse again.
    return normalize_space(normalized);
}

std::vector<WordToken> split_words(std::string_view text) {
    // Creating a break iterator loads ICU rules: once per thread, then reused.
    thread_local std::unique_ptr<icu::BreakIterator> words = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !it)
            throw Error(std::string("ICU word break data unavailable: ") + u_errorName(status));
        return it;
    }();
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    words->setText(u);
    std::vector<WordToken> tokens;
    bool space_pending = false;
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
        bool blank = true;
        for (int32_t i = start; i < end && blank; ++i) blank = detail::is_space_code_point(u.charAt(i));
        if (blank) {
            space_pending = true;
            continue;
        }
        WordToken token;
        u.tempSubStringBetween(start, end).toUTF8String(token.text);
        token.space_before = space_pending;
        space_pending = false;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::vector<Date> revision_dates(const std::vector<Date>& dates) {
    std::vector<Date> out;
    std::copy_if(dates.begin(), dates.end(), std::back_inserter(out), is_revision_date);
    return out;
}

std::string wage_value_text(const Wage& wage) {
    std::string text;
    if (wage.value) text = format_number(*wage.value);
    if (wage.min || wage.max) {
        if (!text.empty()) text += ' ';
        text += (wage.min ? format_number(*wage.min) : "") + "-" + (wage.max ? format_number(*wage.max) : "");
    }
    if (wage.currency != "CAD") text += " " + wage.currency;
    if (!wage.data_year.empty()) text += " (" + wage.data_year + ")";
    return text;
}

std::string wage_subject(const Wage& wage) {
    return std::string(to_string(wage.measure)) + " per " + std::string(to_string(wage.per));
}

std::string date_subject(const Date& date) {
    std::string subject(to_string(date.kind));
    return date.field.empty() ? subject : subject + " (" + date.field + ")";
}

std::string dates_text(const std::vector<Date>& dates) {
    std::string text;
    for (const auto& d : dates) text += (text.empty() ? "" : ", ") + date_subject(d) + " " + d.value;
    return text;
}

std::string section_label(std::string_view path, std::string_view heading) {
    if (path.ends_with("]") || heading.empty()) return std::string(path);
    return std::string(path) + ": " + std::string(heading);
}

Section unmapped_section(const Profile& profile) {
    Section s;
    s.kind = "unmapped";
    s.heading = "(unmapped content)";
    s.heading_inferred = true;
    s.content = profile.unmapped;
    return s;
}

int count_words(const std::vector<WordRun>& runs, WordRun::Op op) {
    int n = 0;
    for (const auto& run : runs)
        if (run.op == op) n += count_words(run.text);
    return n;
}

}  // namespace detail

namespace {

using detail::comparable_text;
using detail::IndexPair;
using detail::WordToken;

// Below this share of common words (2 * common / (old + new)) a removed and an added unit are two changes, not one.
constexpr double min_similarity_for_change = 0.4;
// How many added units after the last pairing a removed unit looks at for a partner: keeps pairing linear.
constexpr std::size_t pairing_window = 4;

// Texts to small integers, so the LCS compares integers.
class Interner {
public:
    int id(std::string_view text) {
        return ids_.try_emplace(std::string(text), static_cast<int>(ids_.size())).first->second;
    }

private:
    std::unordered_map<std::string, int> ids_;
};

// A text split into words, with the words' ids for the LCS.
struct WordSequence {
    std::vector<WordToken> tokens;
    std::vector<int> ids;
};

WordSequence word_sequence(std::string_view text, Interner& words) {
    WordSequence seq;
    seq.tokens = detail::split_words(text);
    seq.ids.reserve(seq.tokens.size());
    for (const auto& t : seq.tokens) seq.ids.push_back(words.id(t.text));
    return seq;
}

double similarity(const WordSequence& a, const WordSequence& b) {
    if (a.ids.empty() && b.ids.empty()) return 1.0;
    auto common = detail::longest_common_subsequence(a.ids, b.ids).size();
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.ids.size() + b.ids.size());
}

void append_word(std::vector<WordRun>& runs, WordRun::Op op, const WordToken& token) {
    if (runs.empty() || runs.back().op != op) {
        runs.push_back({op, token.text, token.space_before});
        return;
    }
    if (token.space_before) runs.back().text += ' ';
    runs.back().text += token.text;
}

std::vector<WordRun> word_runs(const WordSequence& a, const WordSequence& b) {
    std::vector<WordRun> runs;
    std::size_t i = 0, j = 0;
    auto matches = detail::longest_common_subsequence(a.ids, b.ids);
    matches.push_back({a.tokens.size(), b.tokens.size()});  // sentinel: flush the tail
    for (const auto& m : matches) {
        for (; i < m.old_index; ++i) append_word(runs, WordRun::Op::removed, a.tokens[i]);
        for (; j < m.new_index; ++j) append_word(runs, WordRun::Op::added, b.tokens[j]);
        if (i < a.tokens.size() && j < b.tokens.size()) append_word(runs, WordRun::Op::same, b.tokens[j]);
        ++i, ++j;
    }
    return runs;
}

// ---- Keyed values: title, alternate titles, codes, facts, dates, wages ------------------------------------------

struct KeyedValue {
    std::string key;      // entries are paired only within a key
    std::string subject;  // shown: "NOC 2016", "updated"
    std::string value;    // shown
    std::string compare;  // equal compare strings = no change
};

struct KeyedDiffRule {
    std::string field;
    bool word_diff = false;           // changed values carry a word diff
    bool pair_by_similarity = false;  // pair leftovers only when their words are similar (alternate titles)
};

// Equal entries are matched first anywhere within their key; leftovers of a key are paired in order as changes
// (alternate titles: only with one of the next few leftovers whose words are similar); the rest are added or
// removed. Hash maps keep it linear however long a list a page has. Output: removed, then changed and added in new
// order.
std::vector<FieldChange> diff_keyed(const std::vector<KeyedValue>& old_values,
                                    const std::vector<KeyedValue>& new_values, const KeyedDiffRule& rule) {
    std::vector<bool> old_used(old_values.size());
    std::vector<std::optional<std::size_t>> partner(new_values.size());  // old index of a changed entry
    std::vector<bool> new_equal(new_values.size());
    std::unordered_map<std::string, std::vector<std::size_t>> old_by_value, old_by_key;  // indices, last first
    for (std::size_t i = old_values.size(); i-- > 0;) {
        old_by_value[old_values[i].key + '\0' + old_values[i].compare].push_back(i);
        old_by_key[old_values[i].key].push_back(i);
    }
    for (std::size_t j = 0; j < new_values.size(); ++j) {
        auto found = old_by_value.find(new_values[j].key + '\0' + new_values[j].compare);
        if (found == old_by_value.end() || found->second.empty()) continue;
        old_used[found->second.back()] = new_equal[j] = true;
        found->second.pop_back();
    }
    for (auto& [key, candidates] : old_by_key)  // only entries without an equal one can have changed
        std::erase_if(candidates, [&old_used](std::size_t i) { return old_used[i]; });
    Interner words;
    for (std::size_t j = 0; j < new_values.size(); ++j) {
        if (new_equal[j]) continue;
        auto& candidates = old_by_key[new_values[j].key];
        std::size_t tried = 0;
        for (std::size_t k = candidates.size(); k-- > 0 && tried++ < pairing_window;) {
            std::size_t i = candidates[k];
            if (rule.pair_by_similarity && similarity(word_sequence(old_values[i].compare, words),
                                                      word_sequence(new_values[j].compare, words)) < 0.5)
                continue;
            old_used[i] = true;
            partner[j] = i;
            candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(k));
            break;
        }
    }
    std::vector<FieldChange> changes;
    for (std::size_t i = 0; i < old_values.size(); ++i)
        if (!old_used[i])
            changes.push_back({rule.field, old_values[i].subject, Change::removed, old_values[i].value, {}, {}});
    for (std::size_t j = 0; j < new_values.size(); ++j) {
        const auto& nv = new_values[j];
        if (new_equal[j]) continue;
        if (!partner[j]) {
            changes.push_back({rule.field, nv.subject, Change::added, {}, nv.value, {}});
            continue;
        }
        const auto& ov = old_values[*partner[j]];
        FieldChange change{rule.field, nv.subject, Change::changed, ov.value, nv.value, {}};
        if (rule.word_diff) change.words = diff_words(ov.value, nv.value);
        changes.push_back(std::move(change));
    }
    return changes;
}

std::vector<KeyedValue> keyed_alternate_titles(const std::vector<Line>& titles) {
    std::vector<KeyedValue> out;
    for (const auto& t : titles) {
        std::string text = comparable_text(t.text);
        out.push_back({{}, {}, text, text});
    }
    return out;
}

std::vector<KeyedValue> keyed_codes(const std::vector<Code>& codes) {
    std::vector<KeyedValue> out;
    for (const auto& c : codes) {
        std::string value = comparable_text(c.value);
        std::string label = comparable_text(c.label);
        std::string shown = label.empty() ? value : value + " " + label;
        out.push_back({c.scheme + "\n" + c.version, detail::code_subject(c), shown, value + "\n" + label});
    }
    return out;
}

// The label is how a page prints the field's name, which differs between renderings; the name and value count.
std::vector<KeyedValue> keyed_facts(const std::vector<Fact>& facts) {
    std::vector<KeyedValue> out;
    for (const auto& f : facts) {
        std::string value = comparable_text(f.value);
        out.push_back({f.name, f.name, value, value});
    }
    return out;
}

std::vector<KeyedValue> keyed_dates(const std::vector<Date>& dates) {
    std::vector<KeyedValue> out;
    for (const auto& d : dates) {
        std::string subject = detail::date_subject(d);
        out.push_back({subject, subject, d.value, d.value + "\n" + std::string(to_string(d.precision))});
    }
    return out;
}

std::vector<KeyedValue> keyed_wages(const std::vector<Wage>& wages) {
    std::vector<KeyedValue> out;
    for (const auto& w : wages) {
        std::string subject = detail::wage_subject(w);
        std::string value = detail::wage_value_text(w);
        out.push_back({subject, subject, value, value});
    }
    return out;
}

void append(std::vector<FieldChange>& to, std::vector<FieldChange>&& from) {
    std::move(from.begin(), from.end(), std::back_inserter(to));
}

std::vector<FieldChange> diff_profile_fields(const Profile& a, const Profile& b) {
    std::vector<FieldChange> changes;
    std::vector<KeyedValue> old_title, new_title;
    if (a.title) old_title.push_back({{}, {}, comparable_text(a.title->text), comparable_text(a.title->text)});
    if (b.title) new_title.push_back({{}, {}, comparable_text(b.title->text), comparable_text(b.title->text)});
    append(changes, diff_keyed(old_title, new_title, {"title", true, false}));
    append(changes, diff_keyed(keyed_alternate_titles(a.alternate_titles), keyed_alternate_titles(b.alternate_titles),
                               {"alternate-title", true, true}));
    append(changes, diff_keyed(keyed_codes(a.codes), keyed_codes(b.codes), {"code", false, false}));
    append(changes, diff_keyed(keyed_facts(a.facts), keyed_facts(b.facts), {"fact", true, false}));
    append(changes, diff_keyed(keyed_dates(a.dates), keyed_dates(b.dates), {"date", false, false}));
    append(changes, diff_keyed(keyed_wages(a.wages), keyed_wages(b.wages), {"wage", false, false}));
    return changes;
}

// ---- Section content -----------------------------------------------------------------------------------------------

struct Unit {
    ContentChange::Unit kind = ContentChange::Unit::paragraph;
    std::string text;  // comparable form
};

std::vector<Unit> units_of(const Section* section) {
    std::vector<Unit> units;
    if (!section) return units;
    auto add = [&units](ContentChange::Unit kind, std::string text) {
        if (!text.empty()) units.push_back({kind, std::move(text)});
    };
    for (const auto& c : section->content) {
        switch (c.kind) {
            case Content::Kind::paragraph:
                add(ContentChange::Unit::paragraph, comparable_text(c.paragraph.text));
                break;
            case Content::Kind::list:
                for (const auto& item : c.items) add(ContentChange::Unit::item, comparable_text(item.text));
                break;
            case Content::Kind::table:
                for (const auto& row : c.rows) {
                    std::string text;
                    for (const auto& cell : row.cells) text += (text.empty() ? "" : " | ") + comparable_text(cell);
                    add(ContentChange::Unit::row, std::move(text));
                }
                break;
        }
    }
    return units;
}

// A gap between two matched units: old[old_begin, old_end) was replaced by new[new_begin, new_end).
struct Gap {
    std::size_t old_begin = 0, old_end = 0, new_begin = 0, new_end = 0;
};

std::vector<Gap> gaps_between(const std::vector<IndexPair>& matches, std::size_t old_size, std::size_t new_size) {
    std::vector<Gap> gaps;
    std::size_t i = 0, j = 0;
    auto close = [&](std::size_t old_to, std::size_t new_to) {
        if (i < old_to || j < new_to) gaps.push_back({i, old_to, j, new_to});
    };
    for (const auto& m : matches) {
        close(m.old_index, m.new_index);
        i = m.old_index + 1;
        j = m.new_index + 1;
    }
    close(old_size, new_size);
    return gaps;
}

// Text re-wrapped over a different number of paragraphs (a text dump's line breaks) reads the same joined.
bool is_reflow(const Gap& gap, const std::vector<Unit>& old_units, const std::vector<Unit>& new_units) {
    if (gap.old_begin == gap.old_end || gap.new_begin == gap.new_end) return false;
    auto joined = [](const std::vector<Unit>& units, std::size_t from, std::size_t to) {
        std::string text;
        for (std::size_t k = from; k < to; ++k) text += (k == from ? "" : " ") + units[k].text;
        return text;
    };
    return joined(old_units, gap.old_begin, gap.old_end) == joined(new_units, gap.new_begin, gap.new_end);
}

// Aligns two sections' units and classifies what is left over.
class ContentDiffer {
public:
    ContentDiffer(const std::vector<Unit>& old_units, const std::vector<Unit>& new_units)
        : old_(old_units),
          new_(new_units),
          old_done_(old_units.size()),
          new_done_(new_units.size()),
          old_words_(old_units.size()),
          new_words_(new_units.size()) {}

    std::vector<ContentChange> run() {
        Interner texts;
        std::vector<int> old_ids, new_ids;
        for (const auto& u : old_) old_ids.push_back(texts.id(u.text));
        for (const auto& u : new_) new_ids.push_back(texts.id(u.text));
        auto matches = detail::longest_common_subsequence(old_ids, new_ids);
        for (const auto& m : matches) old_done_[m.old_index] = new_done_[m.new_index] = true;
        std::vector<Gap> gaps = gaps_between(matches, old_.size(), new_.size());
        for (const auto& gap : gaps)
            if (is_reflow(gap, old_, new_)) mark_done(gap);
        find_moves(gaps, old_ids, new_ids);
        // Within each gap first; then across gaps, where an edited unit lands beside a moved one.
        for (const auto& gap : gaps)
            pair_changes(open_units(old_done_, gap.old_begin, gap.old_end),
                         open_units(new_done_, gap.new_begin, gap.new_end));
        pair_changes(open_units(old_done_, 0, old_.size()), open_units(new_done_, 0, new_.size()));
        for (const auto& gap : gaps) add_leftovers(gap);
        std::stable_sort(records_.begin(), records_.end(),
                         [](const Record& a, const Record& b) { return a.order < b.order; });
        std::vector<ContentChange> changes;
        for (auto& r : records_) changes.push_back(std::move(r.change));
        return changes;
    }

private:
    struct Record {
        std::tuple<std::size_t, int, std::size_t> order;  // new-document place; removals before additions in a gap
        ContentChange change;
    };

    const std::vector<Unit>& old_;
    const std::vector<Unit>& new_;
    std::vector<bool> old_done_, new_done_;
    std::vector<std::optional<WordSequence>> old_words_, new_words_;
    Interner words_;
    std::vector<Record> records_;

    void mark_done(const Gap& gap) {
        for (std::size_t i = gap.old_begin; i < gap.old_end; ++i) old_done_[i] = true;
        for (std::size_t j = gap.new_begin; j < gap.new_end; ++j) new_done_[j] = true;
    }

    const WordSequence& words(std::vector<std::optional<WordSequence>>& cache, const std::vector<Unit>& units,
                              std::size_t k) {
        if (!cache[k]) cache[k] = word_sequence(units[k].text, words_);
        return *cache[k];
    }

    ContentChange change(Change kind, std::optional<std::size_t> i, std::optional<std::size_t> j) const {
        ContentChange c;
        c.change = kind;
        c.unit = j ? new_[*j].kind : old_[*i].kind;
        if (i) {
            c.old_text = old_[*i].text;
            c.old_position = static_cast<int>(*i) + 1;
        }
        if (j) {
            c.new_text = new_[*j].text;
            c.new_position = static_cast<int>(*j) + 1;
        }
        return c;
    }

    // The same text removed in one gap and added in another (or elsewhere in the same gap) has moved.
    void find_moves(const std::vector<Gap>& gaps, const std::vector<int>& old_ids, const std::vector<int>& new_ids) {
        std::unordered_map<int, std::vector<std::size_t>> added_by_id;  // newest last, taken from the front
        for (auto it = gaps.rbegin(); it != gaps.rend(); ++it)
            for (std::size_t j = it->new_end; j-- > it->new_begin;)
                if (!new_done_[j]) added_by_id[new_ids[j]].push_back(j);
        for (const auto& gap : gaps)
            for (std::size_t i = gap.old_begin; i < gap.old_end; ++i) {
                if (old_done_[i]) continue;
                auto found = added_by_id.find(old_ids[i]);
                if (found == added_by_id.end() || found->second.empty()) continue;
                std::size_t j = found->second.back();
                found->second.pop_back();
                old_done_[i] = new_done_[j] = true;
                records_.push_back({{j, 1, 0}, change(Change::moved, i, j)});
            }
    }

    // Units of [begin, end) not accounted for yet.
    static std::vector<std::size_t> open_units(const std::vector<bool>& done, std::size_t begin, std::size_t end) {
        std::vector<std::size_t> open;
        for (std::size_t k = begin; k < end; ++k)
            if (!done[k]) open.push_back(k);
        return open;
    }

    // A removed unit and one of the next few added units with most words in common are one changed unit. Pairs keep
    // their order, and the window keeps the work linear.
    void pair_changes(const std::vector<std::size_t>& removed, const std::vector<std::size_t>& added) {
        std::size_t next = 0;
        for (std::size_t i : removed) {
            throw_if_cancelled();
            std::size_t looked = 0;
            for (std::size_t k = next; k < added.size() && looked < pairing_window; ++k) {
                std::size_t j = added[k];
                if (new_done_[j]) continue;
                ++looked;
                const WordSequence& a = words(old_words_, old_, i);
                const WordSequence& b = words(new_words_, new_, j);
                if (similarity(a, b) < min_similarity_for_change) continue;
                old_done_[i] = new_done_[j] = true;
                ContentChange c = change(Change::changed, i, j);
                c.words = word_runs(a, b);
                records_.push_back({{j, 1, 0}, std::move(c)});
                next = k + 1;
                break;
            }
        }
    }

    void add_leftovers(const Gap& gap) {
        for (std::size_t i = gap.old_begin; i < gap.old_end; ++i)
            if (!old_done_[i]) records_.push_back({{gap.new_begin, 0, i}, change(Change::removed, i, std::nullopt)});
        for (std::size_t j = gap.new_begin; j < gap.new_end; ++j)
            if (!new_done_[j]) records_.push_back({{j, 1, 0}, change(Change::added, std::nullopt, j)});
    }
};

// ---- Sections ------------------------------------------------------------------------------------------------------

using Siblings = std::vector<const Section*>;

// Sections of one level grouped by kind, each group in sibling order: a kind's siblings are found without a scan.
class SiblingsByKind {
public:
    explicit SiblingsByKind(const Siblings& list) {
        for (std::size_t k = 0; k < list.size(); ++k) groups_[list[k]->kind].push_back(k);
    }
    const std::vector<std::size_t>& of(const std::string& kind) const {
        static const std::vector<std::size_t> none;
        auto found = groups_.find(kind);
        return found == groups_.end() ? none : found->second;
    }
    std::size_t count(const std::string& kind) const { return of(kind).size(); }

private:
    std::unordered_map<std::string, std::vector<std::size_t>> groups_;
};

// Pairs sections of one level: a kind present once on each side is one section whatever its heading; a kind that
// repeats pairs by heading (equal, then similar). Returns new_of_old: the new sibling index for each old one, or -1.
// Linear: the kinds are grouped once, each heading folded once, equal headings found through a hash map, and a
// section with a similar heading is looked for among the next few unpaired sections of its kind only.
class SiblingMatcher {
public:
    SiblingMatcher(const Siblings& old_list, const Siblings& new_list)
        : old_(old_list),
          new_(new_list),
          old_kinds_(old_list),
          new_kinds_(new_list),
          new_of_old_(old_list.size(), -1),
          new_used_(new_list.size()) {}

    std::vector<int> run() {
        pair_unique_kinds();
        pair_equal_headings();
        pair_similar_headings();
        return std::move(new_of_old_);
    }

private:
    const Siblings& old_;
    const Siblings& new_;
    SiblingsByKind old_kinds_, new_kinds_;
    std::vector<int> new_of_old_;
    std::vector<bool> new_used_;

    void pair(std::size_t i, std::size_t j) {
        new_of_old_[i] = static_cast<int>(j);
        new_used_[j] = true;
    }

    void pair_unique_kinds() {
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (old_kinds_.count(old_[i]->kind) == 1 && new_kinds_.count(old_[i]->kind) == 1)
                pair(i, new_kinds_.of(old_[i]->kind).front());
    }

    // Each old section takes the first unpaired new one of its kind with the same folded heading.
    void pair_equal_headings() {
        std::unordered_map<std::string, std::vector<std::size_t>> new_by_heading;  // last first
        for (std::size_t j = new_.size(); j-- > 0;)
            if (!new_used_[j]) new_by_heading[new_[j]->kind + '\0' + fold_key(new_[j]->heading)].push_back(j);
        for (std::size_t i = 0; i < old_.size(); ++i) {
            if (new_of_old_[i] >= 0) continue;
            auto found = new_by_heading.find(old_[i]->kind + '\0' + fold_key(old_[i]->heading));
            if (found == new_by_heading.end() || found->second.empty()) continue;
            pair(i, found->second.back());
            found->second.pop_back();
        }
    }

    // Each old section left takes the first of the next few unpaired new sections of its kind whose heading is
    // similar (half its words in common).
    void pair_similar_headings() {
        Interner words;
        std::vector<std::optional<WordSequence>> new_words(new_.size());
        std::unordered_map<std::string, std::size_t> next_of_kind;  // where the open new sections of a kind start
        for (std::size_t i = 0; i < old_.size(); ++i) {
            if (new_of_old_[i] >= 0) continue;
            const auto& group = new_kinds_.of(old_[i]->kind);
            std::size_t& next = next_of_kind[old_[i]->kind];
            while (next < group.size() && new_used_[group[next]]) ++next;
            WordSequence a = word_sequence(comparable_text(old_[i]->heading), words);
            std::size_t looked = 0;
            for (std::size_t k = next; k < group.size() && looked < pairing_window; ++k) {
                std::size_t j = group[k];
                if (new_used_[j]) continue;
                ++looked;
                if (!new_words[j]) new_words[j] = word_sequence(comparable_text(new_[j]->heading), words);
                if (similarity(a, *new_words[j]) < 0.5) continue;
                pair(i, j);
                break;
            }
        }
    }
};

std::vector<int> match_siblings(const Siblings& old_list, const Siblings& new_list) {
    return SiblingMatcher(old_list, new_list).run();
}

// Path segment: the kind, with the heading when the kind repeats among the siblings on either side.
std::string path_segment(const Section& s, const SiblingsByKind& old_kinds, const SiblingsByKind& new_kinds) {
    if (old_kinds.count(s.kind) <= 1 && new_kinds.count(s.kind) <= 1) return s.kind;
    return s.kind + "[" + comparable_text(s.heading) + "]";
}

// Pre-order index of every section of a profile (the unmapped pseudo-section last).
using SectionIndex = std::unordered_map<const Section*, int>;

void index_sections(const std::vector<Section>& sections, SectionIndex& index) {
    for (const auto& s : sections) {
        index.emplace(&s, static_cast<int>(index.size()));
        index_sections(s.subsections, index);
    }
}

std::vector<std::string> date_values(const std::vector<Date>& dates) {
    std::vector<std::string> values;
    for (const auto& d : dates) values.push_back(detail::date_subject(d) + " " + d.value);
    return values;
}

// What a site's revision dates claim against what changed, for one section or the page.
std::optional<RevisionWarning> check_revision(const std::string& path, bool content_changed,
                                              const std::vector<Date>& old_dates, const std::vector<Date>& new_dates) {
    if (old_dates.empty() || new_dates.empty()) return std::nullopt;
    bool dates_changed = date_values(old_dates) != date_values(new_dates);
    std::string where = path.empty() ? "the page" : path;
    if (content_changed && !dates_changed)
        return RevisionWarning{
            RevisionWarning::Kind::content_changed_date_not, path,
            where + ": content changed but its date did not (" + detail::dates_text(new_dates) + ")"};
    if (!content_changed && dates_changed)
        return RevisionWarning{RevisionWarning::Kind::date_changed_content_not, path,
                               where + ": date moved (" + detail::dates_text(old_dates) + " → " +
                                   detail::dates_text(new_dates) + ") but the content did not"};
    return std::nullopt;
}

class SectionDiffer {
public:
    SectionDiffer(const SectionIndex& old_index, const SectionIndex& new_index, ProfileDiff& out)
        : old_index_(old_index), new_index_(new_index), out_(out) {}

    void siblings(const Siblings& old_list, const Siblings& new_list, const std::string& parent_path, int depth) {
        std::vector<int> new_of_old = match_siblings(old_list, new_list);
        std::vector<int> old_of_new(new_list.size(), -1);
        for (std::size_t i = 0; i < old_list.size(); ++i)
            if (new_of_old[i] >= 0) old_of_new[static_cast<std::size_t>(new_of_old[i])] = static_cast<int>(i);
        std::vector<bool> moved_new = moved_siblings(new_of_old, old_of_new);
        // A removed section is shown after the new place of the matched section that preceded it.
        std::vector<std::vector<std::size_t>> removed_after(new_list.size() + 1);
        int anchor = -1;
        for (std::size_t i = 0; i < old_list.size(); ++i) {
            if (new_of_old[i] >= 0)
                anchor = new_of_old[i];
            else
                removed_after[static_cast<std::size_t>(anchor + 1)].push_back(i);
        }
        const SiblingsByKind old_kinds(old_list), new_kinds(new_list);
        auto emit = [&](const Section* a, const Section* b, int old_pos, int new_pos, bool moved) {
            const Section& shown = b ? *b : *a;
            std::string path =
                (parent_path.empty() ? "" : parent_path + "/") + path_segment(shown, old_kinds, new_kinds);
            one(a, b, path, depth, old_pos, new_pos, moved);
        };
        for (std::size_t i : removed_after[0]) emit(old_list[i], nullptr, static_cast<int>(i) + 1, 0, false);
        for (std::size_t j = 0; j < new_list.size(); ++j) {
            int i = old_of_new[j];
            emit(i >= 0 ? old_list[static_cast<std::size_t>(i)] : nullptr, new_list[j], i + 1, static_cast<int>(j) + 1,
                 moved_new[j]);
            for (std::size_t r : removed_after[j + 1]) emit(old_list[r], nullptr, static_cast<int>(r) + 1, 0, false);
        }
    }

private:
    const SectionIndex& old_index_;
    const SectionIndex& new_index_;
    ProfileDiff& out_;

    // Matched sections outside the longest run kept in order have moved.
    static std::vector<bool> moved_siblings(const std::vector<int>& new_of_old, const std::vector<int>& old_of_new) {
        std::vector<int> in_old_order, in_new_order;
        for (int j : new_of_old)
            if (j >= 0) in_old_order.push_back(j);
        for (std::size_t j = 0; j < old_of_new.size(); ++j)
            if (old_of_new[j] >= 0) in_new_order.push_back(static_cast<int>(j));
        std::vector<bool> moved(old_of_new.size(), false);
        for (int j : in_new_order) moved[static_cast<std::size_t>(j)] = true;
        for (const auto& m : detail::longest_common_subsequence(in_old_order, in_new_order))
            moved[static_cast<std::size_t>(in_new_order[m.new_index])] = false;
        return moved;
    }

    static int index_of(const SectionIndex& index, const Section* s) {
        if (!s) return -1;
        auto found = index.find(s);
        return found == index.end() ? -1 : found->second;
    }

    void one(const Section* a, const Section* b, const std::string& path, int depth, int old_pos, int new_pos,
             bool moved) {
        throw_if_cancelled();
        SectionDiff d;
        d.path = path;
        d.kind = (b ? b : a)->kind;
        if (a) d.old_heading = comparable_text(a->heading);
        if (b) d.new_heading = comparable_text(b->heading);
        d.depth = depth;
        d.moved = moved;
        d.old_position = old_pos;
        d.new_position = new_pos;
        d.old_index = index_of(old_index_, a);
        d.new_index = index_of(new_index_, b);
        std::vector<Unit> old_units = units_of(a), new_units = units_of(b);
        d.old_units = static_cast<int>(old_units.size());
        d.new_units = static_cast<int>(new_units.size());
        d.content = ContentDiffer(old_units, new_units).run();
        if (a && b && !a->heading_inferred && !b->heading_inferred && d.old_heading != d.new_heading)
            d.fields.push_back({"heading",
                                {},
                                Change::changed,
                                d.old_heading,
                                d.new_heading,
                                diff_words(d.old_heading, d.new_heading)});
        static const std::vector<Date> no_dates;
        static const std::vector<Wage> no_wages;
        auto wage_changes = diff_keyed(keyed_wages(a ? a->wages : no_wages), keyed_wages(b ? b->wages : no_wages),
                                       {"wage", false, false});
        append(d.fields, diff_keyed(keyed_dates(a ? a->dates : no_dates), keyed_dates(b ? b->dates : no_dates),
                                    {"date", false, false}));
        bool content_changed = !d.content.empty() || !wage_changes.empty();
        append(d.fields, std::move(wage_changes));
        if (a) d.old_revision_dates = detail::revision_dates(a->dates);
        if (b) d.new_revision_dates = detail::revision_dates(b->dates);
        d.status = !a                                        ? Change::added
                   : !b                                      ? Change::removed
                   : (d.fields.empty() && d.content.empty()) ? Change::unchanged
                                                             : Change::changed;
        if (a && b)
            if (auto w = check_revision(path, content_changed, d.old_revision_dates, d.new_revision_dates))
                out_.warnings.push_back(std::move(*w));
        out_.sections.push_back(std::move(d));
        siblings(children(a), children(b), path, depth + 1);
    }

    static Siblings children(const Section* s) {
        Siblings list;
        if (s)
            for (const auto& sub : s->subsections) list.push_back(&sub);
        return list;
    }
};

Siblings top_sections(const Profile& p, const Section& unmapped, bool with_unmapped) {
    Siblings list;
    for (const auto& s : p.sections) list.push_back(&s);
    if (with_unmapped) list.push_back(&unmapped);
    return list;
}

bool only_page_dates_changed(const ProfileDiff& diff) {
    bool sections_same = std::all_of(diff.sections.begin(), diff.sections.end(),
                                     [](const SectionDiff& s) { return !detail::section_shown(s); });
    return sections_same && std::all_of(diff.profile.begin(), diff.profile.end(),
                                        [](const FieldChange& f) { return f.field == "date"; });
}

}  // namespace

std::string_view to_string(Change change) {
    switch (change) {
        case Change::unchanged:
            return "unchanged";
        case Change::added:
            return "added";
        case Change::removed:
            return "removed";
        case Change::changed:
            return "changed";
        case Change::moved:
            return "moved";
    }
    return "";
}

std::string_view to_string(WordRun::Op op) {
    switch (op) {
        case WordRun::Op::same:
            return "same";
        case WordRun::Op::removed:
            return "removed";
        case WordRun::Op::added:
            return "added";
    }
    return "";
}

std::string_view to_string(ContentChange::Unit unit) {
    switch (unit) {
        case ContentChange::Unit::paragraph:
            return "paragraph";
        case ContentChange::Unit::item:
            return "item";
        case ContentChange::Unit::row:
            return "row";
    }
    return "";
}

std::string_view to_string(RevisionWarning::Kind kind) {
    switch (kind) {
        case RevisionWarning::Kind::content_changed_date_not:
            return "content-changed-date-not";
        case RevisionWarning::Kind::date_changed_content_not:
            return "date-changed-content-not";
    }
    return "";
}

ChangeStat& ChangeStat::operator+=(const ChangeStat& other) {
    added += other.added;
    removed += other.removed;
    changed += other.changed;
    moved += other.moved;
    words_added += other.words_added;
    words_removed += other.words_removed;
    return *this;
}

namespace {

void count_change(ChangeStat& stat, Change change, const std::vector<WordRun>& words) {
    switch (change) {
        case Change::added:
            ++stat.added;
            break;
        case Change::removed:
            ++stat.removed;
            break;
        case Change::changed:
            ++stat.changed;
            break;
        case Change::moved:
            ++stat.moved;
            break;
        case Change::unchanged:
            break;
    }
    stat.words_added += detail::count_words(words, WordRun::Op::added);
    stat.words_removed += detail::count_words(words, WordRun::Op::removed);
}

}  // namespace

ChangeStat SectionDiff::stat() const {
    ChangeStat stat;
    for (const auto& f : fields) count_change(stat, f.change, f.words);
    for (const auto& c : content) count_change(stat, c.change, c.words);
    return stat;
}

ChangeStat ProfileDiff::profile_stat() const {
    ChangeStat stat;
    for (const auto& f : profile) count_change(stat, f.change, f.words);
    return stat;
}

bool ProfileDiff::identical() const {
    return profile.empty() && std::all_of(sections.begin(), sections.end(),
                                          [](const SectionDiff& s) { return !detail::section_shown(s); });
}

std::vector<WordRun> diff_words(std::string_view old_text, std::string_view new_text) {
    Interner words;
    return word_runs(word_sequence(old_text, words), word_sequence(new_text, words));
}

ProfileDiff diff_profiles(const Profile& old_profile, const Profile& new_profile) {
    ProfileDiff diff;
    diff.profile = diff_profile_fields(old_profile, new_profile);
    const Section old_unmapped = detail::unmapped_section(old_profile);
    const Section new_unmapped = detail::unmapped_section(new_profile);
    const bool with_unmapped = !old_profile.unmapped.empty() || !new_profile.unmapped.empty();
    SectionIndex old_index, new_index;
    index_sections(old_profile.sections, old_index);
    index_sections(new_profile.sections, new_index);
    old_index.emplace(&old_unmapped, static_cast<int>(old_index.size()));
    new_index.emplace(&new_unmapped, static_cast<int>(new_index.size()));
    SectionDiffer(old_index, new_index, diff)
        .siblings(top_sections(old_profile, old_unmapped, with_unmapped),
                  top_sections(new_profile, new_unmapped, with_unmapped), {}, 0);
    // The page's own revision date against every other change, when the page has one.
    bool anything_changed = !diff.identical() && !only_page_dates_changed(diff);
    if (auto w = check_revision({}, anything_changed, detail::revision_dates(old_profile.dates),
                                detail::revision_dates(new_profile.dates)))
        diff.warnings.insert(diff.warnings.begin(), std::move(*w));
    return diff;
}

OCCKIT_END_IMPL_NAMESPACE
