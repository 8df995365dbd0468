// Assertions on Status and Result<T> for store tests.
#pragma once

#include <gtest/gtest.h>

#include "core/status.h"

#define YTL_ASSERT_OK(expr)                                                \
  do {                                                                     \
    const ::ytl::Status ytl_assert_status_ = (expr);                       \
    ASSERT_TRUE(ytl_assert_status_.ok()) << ytl_assert_status_.ToString(); \
  } while (0)

#define YTL_CONCAT_INNER(a, b) a##b
#define YTL_CONCAT(a, b) YTL_CONCAT_INNER(a, b)

// Declares `lhs` from a Result, failing the test when it holds an error.
#define YTL_ASSERT_OK_AND_ASSIGN(lhs, expr) \
  YTL_ASSERT_OK_AND_ASSIGN_IMPL(YTL_CONCAT(ytl_result_, __LINE__), lhs, expr)
#define YTL_ASSERT_OK_AND_ASSIGN_IMPL(result, lhs, expr)  \
  auto result = (expr);                                   \
  ASSERT_TRUE(result.ok()) << result.status().ToString(); \
  lhs = std::move(result).value()
