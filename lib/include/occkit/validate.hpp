/// @file
/// `occkit validate`: canonical XML checked against schemas/occupation.xsd and against profile rules, with findings
/// located in the XML and, through the `line` attributes, in the original page.
///
/// One pass per document: libxml2 streams the XML through the XSD validator (the schema is compiled once per
/// Validator) and, in the same pass, records every element with its line, attributes and text; the rules read that
/// record. Rules contributed by other modules (the staleness audit) read the Profile instead: they cost a second
/// parse and run only when one of them is switched on.
#pragma once

#include "occkit/api.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/convert.hpp"
#include "occkit/dates.hpp"
#include "occkit/findings.hpp"
#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// The rules validate itself checks, in `occkit rules` order: the structural ones (read-error, not-well-formed,
/// schema, convert-error) and then the profile rules.
const std::vector<RuleInfo>& validate_rule_infos();

/// Where each page line first appears in a canonical XML document: page line -> the XML line of the first element
/// whose line attribute names it. Empty when the document is not well-formed. For tools that audit canonical XML
/// and point their findings into it (occkit stale), as the Validator does for its extra rule sets.
std::map<int, int> xml_lines_of_source_lines(std::string_view xml);

/// Per-rule settings from a config file (UTF-8 text, one setting a line, '#' starts a comment):
///
///   empty-section = off          # never report it
///   unmapped-content = error     # re-grade it: info, warning or error
///
/// A rule not named keeps its default severity.
class RuleConfig {
public:
    /// Throws occkit::Error "<origin>:<line>: <reason>" on a malformed line, an unknown level or a rule set twice.
    /// Rule ids are checked against the known rules by the Validator (which knows the extra rule sets).
    static RuleConfig parse(std::string_view text, const std::string& origin);
    static RuleConfig load(const std::string& path);  ///< read_input + parse; errors name the file

    /// nullopt switches the rule off. `where` says where the setting came from, for error messages.
    void set(const std::string& rule_id, std::optional<Severity> severity, const std::string& where = {});

    /// One rule's setting, and where it was made.
    struct Setting {
        std::optional<Severity> severity;  ///< nullopt: off
        std::string where;                 ///< "rules.conf:3"
    };
    const Setting* find(
        std::string_view rule_id) const;  ///< the setting of a rule, or nullptr when the config does not name it
    const std::map<std::string, Setting, std::less<>>& settings() const {
        return settings_;
    }  ///< every setting, by rule id

private:
    std::map<std::string, Setting, std::less<>> settings_;
};

/// Rules from another module, evaluated on the Profile read from the canonical XML. `check` returns findings with
/// rule, message, subject and source_line filled in; the Validator sets the file, the severity and the XML line.
struct ProfileRuleSet {
    std::vector<RuleInfo> rules;  ///< the rules of the set, with their default severities
    /// false: the rules run only when the config gives them a severity (an opt-in set such as the staleness audit).
    bool enabled = true;
    std::function<std::vector<Finding>(const Profile& profile, const std::string& file, const CalendarDate& as_of)>
        check;  ///< the findings of the set's rules for one profile
};

/// What a Validator checks against: the date, the rule settings and any extra rule sets.
struct ValidatorOptions {
    CalendarDate as_of = today();                 ///< "in the future" means after this date
    RuleConfig config;                            ///< rule settings (--config)
    std::vector<ProfileRuleSet> extra_rule_sets;  ///< an id already known keeps its first definition and check
    ConvertOptions convert;                       ///< for validate_page
};

/// Checks canonical XML (or pages) against the schema and the profile rules; one per run, shared by threads.
class Validator {
public:
    /// Compiles the schema. Throws occkit::Error when the config names a rule nobody defines.
    explicit Validator(ValidatorOptions options = {});
    ~Validator();
    Validator(const Validator&) = delete;
    Validator& operator=(const Validator&) = delete;

    /// Every known rule with its default severity: validate's own, then each extra set's.
    const std::vector<RuleInfo>& rules() const;
    /// The rules that run, with the severity they run at (the config applied): for report metadata.
    std::vector<RuleInfo> active_rules() const;
    /// The severity a rule runs at; nullopt when it is off or unknown.
    std::optional<Severity> severity_of(std::string_view rule_id) const;

    /// The findings for one canonical XML document, ordered by XML line. `file` names it in every finding.
    /// Safe to call from several threads at once.
    std::vector<Finding> validate_xml(std::string_view xml, const std::string& file) const;

    /// Convert a page (HTML or text) and validate the result. There is no canonical XML file to point into, so the
    /// findings are located in the page: xml_line and source_line are both the page line (0 when unknown). A page
    /// that cannot be converted gives one convert-error finding.
    std::vector<Finding> validate_page(std::string_view bytes, const std::string& file) const;

    /// The finding for a file that could not be read (read-error), at its configured severity; nullopt when the
    /// rule is off.
    std::optional<Finding> read_error(const std::string& file, const std::string& reason) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Findings accepted earlier, so that a CI can fail on new findings only. Matching is by fingerprint (rule, file
/// and subject, never line numbers), and each recorded finding accepts one current finding: a second occurrence of
/// the same problem in the same file is new. The file is UTF-8 text, one finding a line,
///     FINGERPRINT TAB RULE TAB FILE TAB MESSAGE
/// with '#' comment lines; only the fingerprint is read, the rest is there for people reviewing the file.
class Baseline {
public:
    /// Throws occkit::Error "<origin>:<line>: <reason>" on a line that does not start with a fingerprint.
    static Baseline parse(std::string_view text, const std::string& origin);
    static Baseline load(const std::string& path);  ///< read_input + parse; errors name the file
    static std::string write(
        const std::vector<Finding>& findings);  ///< the baseline file's text, recording every finding given

    /// Remove the findings the baseline accepts, keeping the order of the others. Returns how many were removed.
    std::size_t suppress(std::vector<Finding>& findings) const;
    std::size_t size() const;  ///< how many findings the baseline accepts

private:
    std::map<std::string, int, std::less<>> counts_;  ///< fingerprint -> how many findings it accepts
};

OCCKIT_END_NAMESPACE
