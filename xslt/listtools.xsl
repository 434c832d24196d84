<?xml version="1.0" encoding="UTF-8"?>
<!--
  listtools.xsl — a list's everyday tools (core/listq.h), for the list views
  to import next to widgets.xsl.  The C side writes on data/filter: q, sort,
  dir, and the links' query pieces already escaped for a URL: lq-q ("&q=…")
  and lq ("&q=…&sort=…&dir=…", only what differs from the list's default);
  on the rows element next-at and next for the keyset's next page.

    lt-search     the search box of the filter bar, with hidden sort and dir
                  so that a new search keeps the order
    lt-th         a column title that sorts by key (click again: the other way)
    lt-exports    the CSV and XLSX links of exactly what the page shows
    lt-unit-picker  an <input list> of the units (name and code shown), a
                  plain-HTML search; the server still checks the code
    lt-unit       the unit a list is filtered to (filter/@unit, @unit-name:
                  the office's ?unit=ID, as the dashboard links), with a
                  link to every unit that keeps the rest
    lt-pager      the pager of a keyset list: first (when rows/@first) and
                  next (?at=NEXT-AT&after=NEXT), the filters and tools kept
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:template name="lt-search">
    <xsl:param name="filter" select="filter"/>
    <xsl:param name="hint"/>
    <label class="lt-search">
      <t:s key="lt.search"/>
      <input type="search" name="q" maxlength="64" value="{$filter/@q}" placeholder="{$hint}"/>
    </label>
    <xsl:if test="$filter/@lq != $filter/@lq-q">
      <input type="hidden" name="sort" value="{$filter/@sort}"/>
      <input type="hidden" name="dir" value="{$filter/@dir}"/>
    </xsl:if>
  </xsl:template>

  <!-- A sortable column title: href = base?keep&q…&sort=key&dir=…; keep = the list's filters ("&a=b…"). -->
  <xsl:template name="lt-th">
    <xsl:param name="key"/>
    <xsl:param name="label"/>
    <xsl:param name="base" select="/page/@base"/>
    <xsl:param name="keep" select="''"/>
    <xsl:param name="filter" select="/page/data/filter"/>
    <xsl:variable name="on" select="$filter/@sort = $key"/>
    <xsl:variable name="next">
      <xsl:choose>
        <xsl:when test="$on and $filter/@dir = 'asc'">desc</xsl:when>
        <xsl:otherwise>asc</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <th scope="col">
      <xsl:if test="$on">
        <xsl:attribute name="aria-sort">
          <xsl:choose>
            <xsl:when test="$filter/@dir = 'asc'">ascending</xsl:when>
            <xsl:otherwise>descending</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <a class="lt-sort" href="{concat($base, '?sort=', $key, '&amp;dir=', $next, $keep, $filter/@lq-q)}">
        <xsl:copy-of select="$label"/>
        <xsl:if test="$on">
          <xsl:choose>
            <xsl:when test="$filter/@dir = 'asc'"> ▲</xsl:when>
            <xsl:otherwise> ▼</xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </a>
    </th>
  </xsl:template>

  <xsl:template name="lt-exports">
    <xsl:param name="base" select="/page/@base"/>
    <xsl:param name="keep" select="''"/>
    <xsl:param name="filter" select="/page/data/filter"/>
    <span class="lt-exports">
      <a class="export" href="{concat($base, '?format=csv', $keep, $filter/@lq)}"><t:s key="lt.csv"/></a>
      <xsl:text> </xsl:text>
      <a class="export" href="{concat($base, '?format=xlsx', $keep, $filter/@lq)}"><t:s key="lt.xlsx"/></a>
    </span>
  </xsl:template>

  <xsl:template name="lt-unit">
    <xsl:param name="base" select="/page/@base"/>
    <xsl:param name="keep" select="''"/>
    <xsl:param name="filter" select="/page/data/filter"/>
    <xsl:if test="string($filter/@unit)">
      <p class="lt-unit">
        <t:s key="lt.unit">
          <t:arg name="unit">
            <xsl:choose>
              <xsl:when test="string($filter/@unit-name)"><xsl:value-of select="$filter/@unit-name"/></xsl:when>
              <xsl:otherwise>#<xsl:value-of select="$filter/@unit"/></xsl:otherwise>
            </xsl:choose>
          </t:arg>
        </t:s>
        <xsl:text> </xsl:text>
        <xsl:variable name="rest" select="substring(concat($keep, $filter/@lq), 2)"/>
        <a>
          <xsl:attribute name="href">
            <xsl:value-of select="$base"/>
            <xsl:if test="string($rest)">?<xsl:value-of select="$rest"/></xsl:if>
          </xsl:attribute>
          <t:s key="lt.unit_all"/>
        </a>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="lt-pager">
    <xsl:param name="base" select="/page/@base"/>
    <xsl:param name="keep" select="''"/>
    <xsl:param name="rows"/>
    <xsl:param name="filter" select="/page/data/filter"/>
    <xsl:call-template name="pager">
      <xsl:with-param name="first">
        <xsl:if test="$rows/@first = '1'">
          <xsl:value-of select="concat($base, '?sort=', $filter/@sort, '&amp;dir=', $filter/@dir, $keep, $filter/@lq-q)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="next">
        <xsl:if test="string($rows/@next)">
          <xsl:value-of select="concat($base, '?at=', $rows/@next-at, '&amp;after=', $rows/@next, $keep, $filter/@lq)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="count" select="$rows/@count"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A unit picker: a text input named name whose <datalist> offers every unit
    as "code" with its name shown; units = the page's <units-pick><u code name/>…</units-pick>.
  -->
  <xsl:template name="lt-unit-picker">
    <xsl:param name="name" select="'unit'"/>
    <xsl:param name="value" select="''"/>
    <xsl:param name="label"/>
    <xsl:param name="units"/>
    <label>
      <xsl:copy-of select="$label"/>
      <input type="text" name="{$name}" value="{$value}" list="lt-units-{$name}" maxlength="32" autocomplete="off"/>
      <datalist id="lt-units-{$name}">
        <xsl:for-each select="$units/u">
          <option value="{@code}"><xsl:value-of select="@name"/> (<xsl:value-of select="@code"/>)</option>
        </xsl:for-each>
      </datalist>
    </label>
  </xsl:template>
</xsl:stylesheet>
