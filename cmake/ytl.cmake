# ytl_add_test(NAME SOURCES src... LIBS lib... LABELS label...)
# Builds one GoogleTest executable and registers its tests with ctest.
function(ytl_add_test name)
  if(NOT YT_LYRICS_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    YTL_SHARED_DATA_DIR="${YTL_SHARED_DATA_DIR}"
    YTL_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    YTL_POCKETSPHINX_MODEL_DIR="${YTL_POCKETSPHINX_MODEL_DIR}")
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
    PROPERTIES LABELS "${ARG_LABELS}"
    DISCOVERY_TIMEOUT 60)
endfunction()
