// The only C interface Resonanz has to the system ICU. No ICU type appears here on purpose:
// Swift modules that import Foundation must not see ICU's headers (Foundation on Linux embeds its
// own, renamed ICU; the two sets of declarations clash at compile time in debug builds and under
// `swift test`). Only plain integers, chars and an opaque pointer cross this line.
#ifndef RESONANZ_CICUSHIM_H
#define RESONANZ_CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word-break iterator (UBRK_WORD) with its UTF-8 text holder. Not thread-safe: each
/// worker opens its own and reuses it for every text it segments.
typedef struct RZWordBreaker RZWordBreaker;

/// Opens a word-break iterator for `locale` (e.g. "de"). Returns NULL and sets `*error` (an ICU
/// UErrorCode value, > 0 on failure) when ICU cannot open one.
RZWordBreaker *_Nullable rz_word_breaker_open(const char *_Nonnull locale, int32_t *_Nonnull error);

/// Closes an iterator opened by rz_word_breaker_open. Accepts NULL.
void rz_word_breaker_close(RZWordBreaker *_Nullable breaker);

/// Segments `length` bytes of UTF-8 text at ICU word boundaries.
///
/// Writes, for every segment in order, its end offset in bytes (`ends`) and ICU's rule status of
/// the boundary that ends it (`statuses`: 0–99 none, 100–199 number, 200–299 letters, 300–399
/// kana, 400–499 ideographs). The first segment starts at 0 and each further one where the
/// previous ended. Returns the number of segments, or -1 with `*error` set when ICU fails or
/// `capacity` is too small (length + 1 slots always suffice).
int32_t rz_word_breaker_segment(
    RZWordBreaker *_Nonnull breaker,
    const char *_Nonnull utf8,
    int32_t length,
    int32_t *_Nonnull ends,
    int32_t *_Nonnull statuses,
    int32_t capacity,
    int32_t *_Nonnull error);

/// Applies ICU's NFKC_Casefold normalisation (NFKC, full Unicode case folding, removal of
/// default-ignorable code points) to UTF-16 text. Returns the length of the result; when that is
/// larger than `capacity`, nothing useful is written and the caller retries with a larger buffer.
/// Returns -1 with `*error` set on any other failure.
int32_t rz_nfkc_casefold(
    const uint16_t *_Nonnull source,
    int32_t length,
    uint16_t *_Nonnull destination,
    int32_t capacity,
    int32_t *_Nonnull error);

/// Writes the ICU version ("72.1") as a NUL-terminated string into `buffer`.
void rz_icu_version(char *_Nonnull buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
