# YT_LYRICS_FUZZ: builds the libFuzzer targets in fuzz/ (clang only). Every target in the build
# is then instrumented for coverage (-fsanitize=fuzzer-no-link) and checked by AddressSanitizer
# and UndefinedBehaviorSanitizer, so a fuzz build needs its own build directory:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DYT_LYRICS_FUZZ=ON
#   cmake --build build-fuzz --target ytl_fuzzers -j2 && scripts/fuzz.sh
# Include before any target is created: it uses directory-wide options.
option(YT_LYRICS_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)

if(YT_LYRICS_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "YT_LYRICS_FUZZ needs clang for libFuzzer (compiler is "
            "${CMAKE_CXX_COMPILER_ID}); configure a separate build directory with "
            "CC=clang CXX=clang++ cmake -S . -B build-fuzz -DYT_LYRICS_FUZZ=ON")
  endif()
  if(YT_LYRICS_SANITIZE)
    message(FATAL_ERROR "YT_LYRICS_FUZZ already enables address,undefined; leave "
            "YT_LYRICS_SANITIZE='${YT_LYRICS_SANITIZE}' empty in a fuzz build directory")
  endif()
  set(_ytl_fuzz_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined
      -fno-omit-frame-pointer)
  add_compile_options(-fsanitize=fuzzer-no-link ${_ytl_fuzz_flags})
  add_link_options(${_ytl_fuzz_flags})
  message(STATUS "yt-lyrics: libFuzzer targets enabled (fuzz/)")
endif()

# ytl_add_fuzzer(NAME SOURCES src... LIBS lib...)
# One libFuzzer executable; its seed corpus is fuzz/corpus/NAME and its dictionary, when there
# is one, fuzz/dict/NAME.dict (scripts/fuzz.sh finds them by name).
function(ytl_add_fuzzer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR})
  add_dependencies(ytl_fuzzers ${name})
endfunction()
