#include "CICUShim.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utext.h>

struct RZWordBreaker {
    UBreakIterator *iterator;
    UText *text;
};

RZWordBreaker *rz_word_breaker_open(const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return NULL;
    }
    RZWordBreaker *breaker = malloc(sizeof(RZWordBreaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *error = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->text = NULL;
    *error = 0;
    return breaker;
}

void rz_word_breaker_close(RZWordBreaker *breaker) {
    if (breaker == NULL) return;
    if (breaker->text != NULL) utext_close(breaker->text);
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t rz_word_breaker_segment(
    RZWordBreaker *breaker, const char *utf8, int32_t length, int32_t *ends, int32_t *statuses,
    int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    // A UTF-8 UText keeps native indexes in bytes, so boundaries are byte offsets directly.
    breaker->text = utext_openUTF8(breaker->text, utf8, length, &status);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t end = ubrk_next(breaker->iterator); end != UBRK_DONE;
         end = ubrk_next(breaker->iterator)) {
        if (count >= capacity) {
            *error = (int32_t)U_BUFFER_OVERFLOW_ERROR;
            return -1;
        }
        ends[count] = end;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count += 1;
    }
    *error = 0;
    return count;
}

int32_t rz_nfkc_casefold(
    const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity,
    int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    int32_t needed = unorm2_normalize(
        normalizer, (const UChar *)source, length, (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        *error = 0;
        return needed;
    }
    if (U_FAILURE(status)) {
        *error = (int32_t)status;
        return -1;
    }
    *error = 0;
    return needed;
}

void rz_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo version;
    u_getVersion(version);
    if (capacity < U_MAX_VERSION_STRING_LENGTH) {
        if (capacity > 0) buffer[0] = '\0';
        return;
    }
    u_versionToString(version, buffer);
}
