# Writes one seed directory per fuzz target under OUT, from SOURCE_DIR's samples and layouts and, when present,
# a few real pages of SHARED_DIR. Run by the occkit_fuzz_seeds target: cmake -DSOURCE_DIR=.. -DSHARED_DIR=.. -DTARGETS=a,b
# -DOUT=.. -P make_seeds.cmake. Files are named by content hash, so reruns add nothing twice.

# How many real pages of each kind to take from SHARED_DIR: enough variety, not so many that a short run spends
# its time reading the seeds.
set(shared_pages_per_kind 24)

function(add_seed target content)
  string(SHA1 name "${content}")
  file(WRITE ${OUT}/${target}/${name} "${content}")
endfunction()

function(add_seed_file target path)
  file(READ ${path} content HEX)
  string(SHA1 name "${content}")
  if(NOT EXISTS ${OUT}/${target}/${name})
    file(COPY_FILE ${path} ${OUT}/${target}/${name})
  endif()
endfunction()

# The targets fuzz/CMakeLists.txt builds (OCCKIT_FUZZ_TARGETS), comma-separated.
string(REPLACE "," ";" targets "${TARGETS}")
foreach(target IN LISTS targets)
  file(MAKE_DIRECTORY ${OUT}/${target})
endforeach()

file(GLOB_RECURSE sample_html ${SOURCE_DIR}/samples/*.html)
file(GLOB_RECURSE sample_text ${SOURCE_DIR}/samples/*.txt)
file(GLOB_RECURSE sample_xml ${SOURCE_DIR}/samples/*.xml)
file(GLOB layout_files ${SOURCE_DIR}/lib/layouts/*.xml)
set(shared_html)
set(shared_text)
if(IS_DIRECTORY ${SHARED_DIR})
  file(GLOB_RECURSE shared_html ${SHARED_DIR}/*.html)
  file(GLOB_RECURSE shared_text ${SHARED_DIR}/*.txt)
  list(SORT shared_html)
  list(SORT shared_text)
  list(SUBLIST shared_html 0 ${shared_pages_per_kind} shared_html)
  list(SUBLIST shared_text 0 ${shared_pages_per_kind} shared_text)
endif()

foreach(page IN LISTS sample_html shared_html)
  add_seed_file(html ${page})
endforeach()
foreach(page IN LISTS sample_text shared_text)
  add_seed_file(text ${page})
endforeach()
foreach(document IN LISTS sample_xml)
  add_seed_file(xml ${document})
  if(IS_DIRECTORY ${OUT}/verdict)  # made above when the verdict target is built
    add_seed_file(verdict ${document})
  endif()
endforeach()

# Diff: two documents joined by an ASCII record separator (fuzz/targets.hpp): each sample page's HTML against its
# text, and each canonical document against the next.
string(ASCII 30 separator)
function(add_pair_seed first second)
  file(READ ${first} first_content)
  file(READ ${second} second_content)
  add_seed(diff "${first_content}${separator}${second_content}")
endfunction()
foreach(page IN LISTS sample_html)
  string(REGEX REPLACE "\\.html$" ".txt" text_page ${page})
  if(EXISTS ${text_page})
    add_pair_seed(${page} ${text_page})
  endif()
endforeach()
set(previous "")
foreach(document IN LISTS sample_xml)
  if(previous)
    add_pair_seed(${previous} ${document})
  endif()
  set(previous ${document})
endforeach()
foreach(layout IN LISTS layout_files)
  add_seed_file(layout ${layout})
endforeach()

# Dates and wages: the sample lines that carry a number, one line per seed.
foreach(page IN LISTS sample_text)
  file(STRINGS ${page} lines REGEX "[0-9]")
  foreach(line IN LISTS lines)
    if(line MATCHES "(19|20)[0-9][0-9]")
      add_seed(dates "${line}")
    endif()
    if(line MATCHES "\\$")
      add_seed(wages "${line}")
    endif()
  endforeach()
endforeach()
