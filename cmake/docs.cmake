# API reference: `cmake --build build --target docs` runs Doxygen over the public headers (lib/include) into
# build/docs/html. Optional: without doxygen installed there is no docs target and nothing else changes.
find_package(Doxygen QUIET)
if(DOXYGEN_FOUND)
  set(DOXYGEN_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/docs)
  set(DOXYGEN_EXTRACT_ALL YES)
  set(DOXYGEN_JAVADOC_AUTOBRIEF YES)
  set(DOXYGEN_GENERATE_LATEX NO)
  set(DOXYGEN_USE_MDFILE_AS_MAINPAGE ${PROJECT_SOURCE_DIR}/README.md)
  doxygen_add_docs(docs ${PROJECT_SOURCE_DIR}/lib/include ${PROJECT_SOURCE_DIR}/README.md
    COMMENT "API reference (Doxygen) into ${PROJECT_BINARY_DIR}/docs/html")
endif()
