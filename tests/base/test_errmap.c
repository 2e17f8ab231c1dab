/* test_errmap.c - errno to Win32 and NTSTATUS, and the two maps agree the way
 * RtlNtStatusToDosError would. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "errmap.h"
#include "ntstatus.h"
#include "winerror.h"

static void win32_codes(void **state)
{
        (void)state;
        assert_int_equal(win32_from_errno(0), NO_ERROR);
        assert_int_equal(win32_from_errno(-EINVAL), ERROR_INVALID_PARAMETER);
        assert_int_equal(win32_from_errno(-ENOMEM), ERROR_NOT_ENOUGH_MEMORY);
        assert_int_equal(win32_from_errno(-ENODEV), ERROR_FILE_NOT_FOUND);
        assert_int_equal(win32_from_errno(-ENOENT), ERROR_NOT_FOUND);
        assert_int_equal(win32_from_errno(-EAFNOSUPPORT), ERROR_NOT_SUPPORTED);
        assert_int_equal(win32_from_errno(-ENOBUFS), ERROR_INSUFFICIENT_BUFFER);
        assert_int_equal(win32_from_errno(-EILSEQ), ERROR_INVALID_NAME);
        assert_int_equal(win32_from_errno(-EIO), ERROR_GEN_FAILURE);
}

static void ntstatus_codes(void **state)
{
        (void)state;
        assert_int_equal(ntstatus_from_errno(0), STATUS_SUCCESS);
        assert_int_equal(ntstatus_from_errno(-EINVAL), STATUS_INVALID_PARAMETER);
        assert_int_equal(ntstatus_from_errno(-ENOMEM), STATUS_NO_MEMORY);
        assert_int_equal(ntstatus_from_errno(-ENOMEM), STATUS_NOT_ENOUGH_MEMORY);
        assert_int_equal(ntstatus_from_errno(-ENOENT), STATUS_NOT_FOUND);
        assert_int_equal(ntstatus_from_errno(-EOPNOTSUPP), STATUS_NOT_SUPPORTED);
        assert_int_equal(ntstatus_from_errno(-ENODEV), STATUS_OBJECT_NAME_NOT_FOUND);
        assert_int_equal((uint32_t)STATUS_NO_MEMORY, 0xC0000017u);
        assert_int_equal((uint32_t)STATUS_NOT_FOUND, 0xC0000225u);
        assert_int_equal((uint32_t)STATUS_INVALID_PARAMETER, 0xC000000Du);
        assert_int_equal((uint32_t)STATUS_NOT_SUPPORTED, 0xC00000BBu);
        assert_false(NT_SUCCESS(STATUS_NOT_FOUND));
        assert_true(NT_SUCCESS(STATUS_SUCCESS));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(win32_codes),
            cmocka_unit_test(ntstatus_codes),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
