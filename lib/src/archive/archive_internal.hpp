// Shared by the archive reports (group.cpp for history, diff_folders.cpp for two folders): one way to count a
// profile into the summary and to write the summary as JSON. Not installed.
#pragma once

#include "json/json_writer.hpp"
#include "occkit/archive.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

void count_status(ArchiveSummary& summary, Change status);                 // one profile, by its status
void write_summary_json(JsonWriter& json, const ArchiveSummary& summary);  // "summary": {...}, counts only

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE
