/*
 * test_sniff.c — sniff_type(), sniff_mime() and sniff_ext() from
 * modules/core/sniff.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "sniff.h"

/* The type of the first n bytes of the literal s. */
#define SNIFF(s, n) sniff_type((const unsigned char *)(s), (n))
#define SNIFF_ALL(s) SNIFF(s, sizeof(s) - 1)

static void
t_signatures(void **state)
{
	assert_int_equal(SNIFF_ALL("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), SNIFF_PDF);
	assert_int_equal(SNIFF_ALL("%PDF-"), SNIFF_PDF);
	assert_int_equal(SNIFF_ALL("\xff\xd8\xff\xe0\0\x10JFIF\0"), SNIFF_JPEG);
	assert_int_equal(SNIFF_ALL("\xff\xd8\xff\xe1\0\x18" "Exif\0\0"), SNIFF_JPEG);
	assert_int_equal(SNIFF_ALL("\xff\xd8\xff"), SNIFF_JPEG);
	assert_int_equal(SNIFF_ALL("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), SNIFF_PNG);
	assert_int_equal(SNIFF_ALL("\x89PNG\r\n\x1a\n"), SNIFF_PNG);
}

static void
t_short_and_empty(void **state)
{
	assert_int_equal(sniff_type(NULL, 0), SNIFF_OTHER);
	assert_int_equal(SNIFF("", 0), SNIFF_OTHER);
	/* one byte short of each signature; n, not the bytes, bounds the look */
	assert_int_equal(SNIFF("%PDF-1.4", 4), SNIFF_OTHER);
	assert_int_equal(SNIFF("\xff\xd8\xff\xe0", 2), SNIFF_OTHER);
	assert_int_equal(SNIFF("\x89PNG\r\n\x1a\n", 7), SNIFF_OTHER);
	assert_int_equal(SNIFF("%PDF-1.4", 5), SNIFF_PDF);
}

static void
t_renamed_executables(void **state)
{
	static const struct { const char *s; size_t n; } other[] = {
		{ "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16 },	/* ELF */
		{ "MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff", 14 },	/* PE */
		{ "#!/bin/sh\nrm -rf /\n", 19 },
		{ "<?php system($_GET['c']); ?>", 28 },
		{ "<html><script>alert(1)</script>", 31 },
		{ "PK\x03\x04\x14\0\0\0", 8 },		/* zip, docx */
		{ "\xca\xfe\xba\xbe", 4 },		/* Mach-O fat, Java class */
		{ "GIF89a\x01\0\x01\0", 10 },
		{ "\xef\xbb\xbf%PDF-1.4", 11 },		/* BOM first */
		{ " %PDF-1.4", 9 },			/* not at offset 0 */
		{ "\n%PDF-1.4", 9 },
		{ "%pdf-1.4", 8 },			/* case matters */
		{ "%PDF 1.4", 8 },
		{ "\xff\xd8\xfe", 3 },
		{ "\xff\xd9\xff", 3 },
		{ "\x89PNG\n\n\x1a\n", 8 },		/* CRLF converted */
		{ "\x89PNG\r\n\x1a\r", 8 },
		{ "\x88PNG\r\n\x1a\n", 8 },
	};
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++)
		if (SNIFF(other[i].s, other[i].n) != SNIFF_OTHER)
			fail_msg("other[%zu] sniffed as %d", i, SNIFF(other[i].s, other[i].n));
}

static void
t_mime_and_ext(void **state)
{
	assert_string_equal(sniff_mime(SNIFF_PDF), "application/pdf");
	assert_string_equal(sniff_mime(SNIFF_JPEG), "image/jpeg");
	assert_string_equal(sniff_mime(SNIFF_PNG), "image/png");
	assert_string_equal(sniff_mime(SNIFF_OTHER), "application/octet-stream");
	assert_string_equal(sniff_ext(SNIFF_PDF), "pdf");
	assert_string_equal(sniff_ext(SNIFF_JPEG), "jpg");
	assert_string_equal(sniff_ext(SNIFF_PNG), "png");
	assert_string_equal(sniff_ext(SNIFF_OTHER), "bin");
	/* out of range reads as SNIFF_OTHER */
	assert_string_equal(sniff_mime(SNIFF__MAX), "application/octet-stream");
	assert_string_equal(sniff_mime((enum sniff_type)-1), "application/octet-stream");
	assert_string_equal(sniff_ext(SNIFF__MAX), "bin");
	assert_string_equal(sniff_ext((enum sniff_type)1000), "bin");
	/* every type has both */
	for (int t = 0; t < SNIFF__MAX; t++) {
		assert_non_null(sniff_mime((enum sniff_type)t));
		assert_non_null(sniff_ext((enum sniff_type)t));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_signatures),
		cmocka_unit_test(t_short_and_empty),
		cmocka_unit_test(t_renamed_executables),
		cmocka_unit_test(t_mime_and_ext),
	};
	return cmocka_run_group_tests_name("sniff", tests, NULL, NULL);
}
