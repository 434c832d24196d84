/*
 * rows.h — <r:for-each select="…"> (xmlns:r="urn:wangan:rows", listed in
 * the stylesheet's extension-element-prefixes): a list page's row loop.
 *
 * It means exactly what xsl:for-each means, but its body is compiled when
 * the stylesheet loads into a small tree that writes the rows' HTML, escaped,
 * straight into one text node of the result.  With xsl:for-each, libxslt
 * built some 25 result nodes per row, each costing about as much as an
 * XPath evaluation, and the serializer walked them again: three quarters of
 * the list page's CPU (README, make bench).  The markup stays in the view;
 * only the loop runs differently.
 *
 * The body may use:
 *   literal elements, their attributes literal or with {PATH} parts; text;
 *   xsl:text; xsl:value-of select="PATH"; xsl:if test="TEST";
 *   xsl:choose / xsl:when test="TEST" / xsl:otherwise;
 *   xsl:for-each select="NAME" (child elements of that name);
 *   xsl:attribute name="NAME" (on an element of the body).
 *   PATH  @name | name (a child element) | .   also as string(PATH) or (PATH)
 *   TEST  PATH | string(PATH) | PATH = 'text' | PATH != 'text' | not(TEST)
 *         | TEST and TEST | TEST or TEST
 * Anything else is refused when the stylesheet loads, with the line, and
 * rows_errors() counts it, so a view never renders differently in silence.
 * tests/unit/test_rows.c renders every shipped view both ways, this and
 * libxslt's own xsl:for-each, and compares the bytes.
 */
#ifndef WANGAN_ROWS_H
#define WANGAN_ROWS_H

#define ROWS_NS "urn:wangan:rows"

/* Registers the element with libxslt; before any stylesheet is parsed. */
int rows_register(void);
/* How many r:for-each bodies were refused since the start. */
unsigned rows_errors(void);
#endif
