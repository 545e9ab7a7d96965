// Flattened tables (layout/tables.hpp; schemas/layout.xsd, tables): rows the page's text lost the table of, rebuilt
// from key/value pairs and doubled rows, placed as table content and read for wages.
#include "layout/tables.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

using detail::is_text_block;

bool TableReader::try_table_row(std::size_t& i) {
    const Block& b = page_.block(i);
    if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item && b.kind != BlockKind::heading) return false;
    for (const auto& rule : page_.rules().tables.pairs)
        if (try_pair(i, rule)) return true;
    if (!page_.rules().tables.doubled || b.kind != BlockKind::paragraph) return false;
    if (page_.rules().tables.header) {
        if (auto m = page_.rules().tables.header->match(b.text)) {
            std::vector<std::string> cells;
            for (std::size_t g = 1; g < m->size(); ++g)
                if (!(*m)[g].empty()) cells.push_back(normalize_space((*m)[g]));
            if (cells.size() >= 2) {
                add_table_row(i, std::move(cells));
                return true;
            }
        }
    }
    if (auto cells = doubled_row(b.text)) {
        add_table_row(i, std::move(*cells));
        return true;
    }
    return false;
}

// A key and its value on one line ("$23.65 Minimum") or on two consecutive ones ("$23.65", then "Minimum").
bool TableReader::try_pair(std::size_t& i, const PairRule& rule) {
    const detail::Regex& first = rule.value_first ? *rule.value : *rule.key;
    const detail::Regex& second = rule.value_first ? *rule.key : *rule.value;
    auto row = [&](std::string a, std::string b) {
        return rule.value_first ? std::vector<std::string>{std::move(b), std::move(a)}
                                : std::vector<std::string>{std::move(a), std::move(b)};
    };
    const Block& b = page_.block(i);
    if (auto one_line = split_pair_line(b.text, first, second)) {
        add_table_row(i, row(std::move(one_line->first), std::move(one_line->second)));
        return true;
    }
    if (!first.search(b.text)) return false;
    std::size_t j = page_.next_content_block(i + 1);
    if (j >= page_.size() || !is_text_block(page_.block(j)) || !second.search(page_.block(j).text)) return false;
    std::string where = add_table_row(i, row(b.text, page_.block(j).text));
    for (std::size_t k = i + 1; k < j; ++k) out_.place(k, "chrome");
    out_.place(j, std::move(where));
    i = j;
    return true;
}

// Returns where the row went (for --explain).
std::string TableReader::add_table_row(std::size_t i, std::vector<std::string> cells) {
    const Block& b = page_.block(i);
    std::vector<Content>* section_content = sections_.content_target(i);
    std::vector<Content>& target = section_content ? *section_content : p_.unmapped;
    Content& table = last_content_of_kind(target, Content::Kind::table, b.line);
    table.rows.push_back({std::move(cells), b.line});
    std::string where = section_content ? path_.label() + " " + path_.current()->kind + " (table)" : "unmapped";
    out_.place(i, where);
    if (section_content) dates_.wages_from_row(table, table.rows.back(), true);
    return where;
}

OCCKIT_END_IMPL_NAMESPACE
