# Pronunciation: espeak-ng phonemes mapped to en-us phones, CMU dictionary.
# Included at the end of src/lyrics/CMakeLists.txt; adds to ytl_lyrics.
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)

target_sources(ytl_lyrics PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/cmu_dictionary.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmu_phone_set.cc
  ${CMAKE_CURRENT_LIST_DIR}/espeak_phonemizer.cc
  ${CMAKE_CURRENT_LIST_DIR}/espeak_pronouncer.cc
  ${CMAKE_CURRENT_LIST_DIR}/phone_mapper.cc
  ${CMAKE_CURRENT_LIST_DIR}/phone_tables.cc)
target_link_libraries(ytl_lyrics PRIVATE PkgConfig::ESPEAK_NG)

ytl_add_test(ytl_pronunciation_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/cmu_dictionary_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/espeak_phonemizer_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/espeak_pronouncer_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/phone_mapper_test.cc
  LIBS ytl_lyrics
  LABELS unit)
ytl_add_test(ytl_pronunciation_jamendo_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/jamendo_pronunciation_test.cc
  LIBS ytl_lyrics
  LABELS unit)
