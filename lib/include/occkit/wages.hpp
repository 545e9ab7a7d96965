/// @file
/// Wage phrases: "$26.18 to $32.18 an hour (2010)", "$32 000 - $36 000 a year.", "Avg. Salary $87,885.00",
/// "earned on average from $28.77 to $55.74 an hour", "26,18 $ l'heure", "31 301 $".
#pragma once

#include "occkit/api.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// Parse a money amount as printed: "$32 000", "$87,885.00", "26,18 $", "31 301 $" (English and French separators).
std::optional<double> parse_amount(std::string_view text);

/// Find the wage phrases in a line of text, in order. `data_year_hint` is used when the text names no year
/// (e.g. the survey year from a sentence like "According to the 2011 Alberta Wage and Salary Survey").
std::vector<Wage> find_wages(std::string_view text, std::string_view data_year_hint = {});

/// Does this text mention a money amount at all?
bool mentions_money(std::string_view text);

OCCKIT_END_NAMESPACE
