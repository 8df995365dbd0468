# YT_LYRICS_SANITIZE: comma list of sanitizers applied to every target, e.g.
#   -DYT_LYRICS_SANITIZE=address,undefined   or   -DYT_LYRICS_SANITIZE=thread
# Include before any target is created: it uses directory-wide options.
set(YT_LYRICS_SANITIZE "" CACHE STRING
    "Comma list of sanitizers (address,undefined or thread); empty disables")

if(YT_LYRICS_SANITIZE)
  string(REPLACE "," ";" _ytl_sanitizers "${YT_LYRICS_SANITIZE}")
  set(_ytl_known address undefined thread leak)
  foreach(_ytl_san IN LISTS _ytl_sanitizers)
    if(NOT _ytl_san IN_LIST _ytl_known)
      message(FATAL_ERROR "YT_LYRICS_SANITIZE: unknown sanitizer '${_ytl_san}' in "
              "'${YT_LYRICS_SANITIZE}'; use a comma list of: ${_ytl_known}")
    endif()
  endforeach()
  if("address" IN_LIST _ytl_sanitizers AND "thread" IN_LIST _ytl_sanitizers)
    message(FATAL_ERROR "YT_LYRICS_SANITIZE='${YT_LYRICS_SANITIZE}': address and thread "
            "sanitizers cannot be combined; build them in separate build directories "
            "(e.g. -DYT_LYRICS_SANITIZE=address,undefined and -DYT_LYRICS_SANITIZE=thread)")
  endif()
  string(REPLACE ";" "," _ytl_san_list "${_ytl_sanitizers}")
  set(_ytl_san_flags -fsanitize=${_ytl_san_list} -fno-omit-frame-pointer)
  if("undefined" IN_LIST _ytl_sanitizers)
    # Make UBSan findings fatal so the tests fail on them.
    list(APPEND _ytl_san_flags -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_ytl_san_flags})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND "address" IN_LIST _ytl_sanitizers)
    # GCC's flow analysis gives false -Wmaybe-uninitialized on instrumented libstdc++ code
    # (<regex> in ass_writer_test.cc); the normal build keeps the warning.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND "thread" IN_LIST _ytl_sanitizers)
    # libstdc++'s <atomic> uses atomic_thread_fence, which GCC warns TSan does not model
    # (-Wtsan); the code under test does not call it, so the warning is noise here.
    add_compile_options(-Wno-tsan)
  endif()
  add_link_options(${_ytl_san_flags})
  message(STATUS "yt-lyrics: sanitizers enabled: ${_ytl_san_flags}")
endif()
