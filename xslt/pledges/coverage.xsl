<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/coverage.xsl — who must sign which pledge or letter, and where each
  stands: missing, signed, or to be re-signed after a new first responsible
  person (overdue past the due date).
  data: <filter kind status unit/>, <kinds resign-days><kind code party resign/>…</kinds>,
        <rows count next?><row kind party-type party-id unit-id code status
          signing-id? signed? changed? due? overdue?><name/></row>…</rows>
  With the list tools (listtools.xsl; filter/@q @sort @dir @lq @lq-q, rows
  @first @next-at): search, sortable titles, CSV/XLSX of exactly these rows.
  The plain page's pagination is its own keyset: ?after=NEXT, filters kept;
  a searched or sorted page seeks with ?at=NEXT-AT&after=NEXT.  A unit's staff see
  their own unit only (filter/@unit is theirs whatever the query said).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="coverage.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="f" select="filter"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>
    <!-- the filters, to keep on the pagination links -->
    <xsl:variable name="keep">
      <xsl:text>&amp;status=</xsl:text>
      <xsl:value-of select="$f/@status"/>
      <xsl:if test="string($f/@kind)">
        <xsl:text>&amp;kind=</xsl:text>
        <xsl:value-of select="$f/@kind"/>
      </xsl:if>
      <xsl:if test="$all = '1' and string($f/@unit)">
        <xsl:text>&amp;unit=</xsl:text>
        <xsl:value-of select="$f/@unit"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="resign" select="kinds/kind[@resign = '1']"/>

    <h1><t:s key="coverage.title"/></h1>
    <p class="muted">
      <t:s key="coverage.intro"/>
      <xsl:if test="$resign">
        <xsl:text> </xsl:text>
        <t:s key="coverage.resign_rule">
          <t:arg name="days"><xsl:value-of select="kinds/@resign-days"/></t:arg>
          <t:arg name="kinds">
            <xsl:for-each select="$resign">
              <xsl:if test="position() != 1"><t:s key="pl.list_sep"/></xsl:if>
              <t:s key="pl.quoted"><t:arg name="title"><t:label set="plkind" select="@code"/></t:arg></t:s>
            </xsl:for-each>
          </t:arg>
        </t:s>
      </xsl:if>
      <xsl:if test="$all != '1'">
        <xsl:text> </xsl:text>
        <t:s key="coverage.own_unit"/>
      </xsl:if>
    </p>

    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><t:s key="lt.hint_coverage"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="coverage.filter_kind"/></xsl:with-param>
          <xsl:with-param name="name" select="'kind'"/>
          <xsl:with-param name="any"><t:s key="coverage.filter_any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:for-each select="kinds/kind">
              <option value="{@code}">
                <xsl:if test="@code = $f/@kind">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <t:label set="plkind" select="@code"/>
              </option>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="coverage.filter_status"/></xsl:with-param>
          <xsl:with-param name="name" select="'status'"/>
          <xsl:with-param name="options">
            <xsl:call-template name="options">
              <xsl:with-param name="set" select="'plfilter'"/>
              <xsl:with-param name="codes" select="'open missing resign overdue signed all'"/>
              <xsl:with-param name="value" select="$f/@status"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$all = '1'">
          <label>
            <t:s key="coverage.filter_unit"/>
            <!-- the unit picker (unitpick.h): the browser narrows the units as one types -->
            <input type="text" name="unit" inputmode="numeric" maxlength="12" class="unitid" value="{$f/@unit}"
                list="units-pick-unit" autocomplete="off"/>
            <datalist id="units-pick-unit">
              <xsl:for-each select="units-pick/u">
                <option value="{@id}"><xsl:value-of select="@name"/> (<xsl:value-of select="@code"/>)</option>
              </xsl:for-each>
            </datalist>
          </label>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string($f/@kind) or $f/@status != 'open' or ($all = '1' and string($f/@unit)) or string($f/@lq)">
          <xsl:value-of select="$base"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:call-template name="lt-exports">
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
        <span class="links">
          <a href="{$base}templates"><t:s key="coverage.templates"/></a>
          <a href="{$base}vendors"><t:s key="coverage.vendors"/></a>
          <xsl:if test="$all = '1'">
            <a href="{$base}export.xml"><t:s key="coverage.export"/></a>
          </xsl:if>
        </span>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:choose>
      <xsl:when test="rows/row">
        <div class="tablewrap">
          <table class="coverage">
            <thead>
              <xsl:call-template name="cells-head">
                <xsl:with-param name="sortable" select="true()"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
            </thead>
            <tbody>
              <xsl:for-each select="rows/row">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">overdue</xsl:attribute>
                  </xsl:if>
                  <xsl:apply-templates select="." mode="cells"/>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="coverage.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="pager">
      <xsl:with-param name="first">
        <xsl:choose>
          <xsl:when test="rows/@first = '1'">
            <xsl:value-of select="concat($base, '?sort=', $f/@sort, '&amp;dir=', $f/@dir, $keep, $f/@lq-q)"/>
          </xsl:when>
          <xsl:when test="not(string($f/@lq)) and contains(concat('&amp;', /page/@query), '&amp;after=')">
            <xsl:value-of select="concat($base, '?', substring($keep, 2))"/>
          </xsl:when>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="next">
        <xsl:choose>
          <xsl:when test="not(string(rows/@next))"/>
          <xsl:when test="string(rows/@next-at)">
            <xsl:value-of select="concat($base, '?at=', rows/@next-at, '&amp;after=', rows/@next, $keep, $f/@lq)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($base, '?after=', rows/@next, $keep)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="count" select="rows/@count"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The widgets' hook: the status filter's words. -->
  <xsl:template name="option-label">
    <xsl:param name="set"/>
    <xsl:param name="code"/>
    <t:label set="plfilter" select="$code"/>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
input.unitid{width:6rem}
form.inline .links{margin-left:auto;display:flex;gap:1rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
