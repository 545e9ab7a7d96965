// Internal: the GitLab Code Quality writer (report_ci.cpp), reached through write_report (findings.cpp).
#pragma once

#include <string>
#include <vector>

#include "occkit/findings.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

std::string write_codeclimate(const std::vector<Finding>& findings, const ReportOptions& options);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
