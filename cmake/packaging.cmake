# Binary packages with CPack: `cpack -G DEB` in the build directory gives occkit_<version>_<arch>.deb holding the
# program, the shared library, headers, the CMake package config, occkit.pc and whatever else is installed (man
# pages, completions). Dependencies are named by hand (Debian 12 runtime packages) rather than found with
# dpkg-shlibdeps, so packaging needs nothing beyond dpkg-deb.
set(CPACK_PACKAGE_NAME occkit)
set(CPACK_PACKAGE_VENDOR "occkit")
set(CPACK_PACKAGE_CONTACT "occkit maintainers <occkit@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxml2 (>= 2.9), libicu72, libpugixml1v5, libstdc++6")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
include(CPack)
