<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/coverage.xsl — who must sign which pledge or letter, and where each
  stands: missing, signed, or to be re-signed after a new first responsible
  person (overdue past the due date).
  data: <filter kind status unit/>, <kinds resign-days><kind code party resign/>…</kinds>,
        <rows count next?><row kind party-type party-id unit-id code status
          signing-id? signed? changed? due? overdue?><name/></row>…</rows>
  Pagination by the keyset: ?after=NEXT, filters kept.  A unit's staff see
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

    <form class="inline" method="get" action="{$base}">
      <label>
        <t:s key="coverage.filter_kind"/>
        <select name="kind">
          <option value=""><t:s key="coverage.filter_any"/></option>
          <xsl:for-each select="kinds/kind">
            <option value="{@code}">
              <xsl:if test="@code = $f/@kind">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <t:label set="plkind" select="@code"/>
            </option>
          </xsl:for-each>
        </select>
      </label>
      <label>
        <t:s key="coverage.filter_status"/>
        <select name="status">
          <xsl:call-template name="status-option"><xsl:with-param name="code" select="'open'"/></xsl:call-template>
          <xsl:call-template name="status-option"><xsl:with-param name="code" select="'missing'"/></xsl:call-template>
          <xsl:call-template name="status-option"><xsl:with-param name="code" select="'resign'"/></xsl:call-template>
          <xsl:call-template name="status-option"><xsl:with-param name="code" select="'overdue'"/></xsl:call-template>
          <xsl:call-template name="status-option"><xsl:with-param name="code" select="'signed'"/></xsl:call-template>
          <xsl:call-template name="status-option"><xsl:with-param name="code" select="'all'"/></xsl:call-template>
        </select>
      </label>
      <xsl:if test="$all = '1'">
        <label>
          <t:s key="coverage.filter_unit"/>
          <input type="number" name="unit" min="1" step="1" class="unitid" value="{$f/@unit}"/>
        </label>
      </xsl:if>
      <button type="submit"><t:s key="coverage.filter_apply"/></button>
      <xsl:if test="string($f/@kind) or $f/@status != 'open' or ($all = '1' and string($f/@unit))">
        <a href="{$base}"><t:s key="coverage.filter_clear"/></a>
      </xsl:if>
      <span class="links">
        <a href="{$base}templates"><t:s key="coverage.templates"/></a>
        <a href="{$base}vendors"><t:s key="coverage.vendors"/></a>
        <xsl:if test="$all = '1'">
          <a href="{$base}export.xml"><t:s key="coverage.export"/></a>
        </xsl:if>
      </span>
    </form>

    <xsl:choose>
      <xsl:when test="rows/row">
        <div class="tablewrap">
          <table class="coverage">
            <thead>
              <xsl:call-template name="cells-head"/>
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
        <p class="notice info"><t:s key="coverage.empty"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <nav class="pager">
      <xsl:attribute name="aria-label"><t:s key="coverage.pages"/></xsl:attribute>
      <xsl:if test="contains(concat('&amp;', /page/@query), '&amp;after=')">
        <a href="{$base}?{substring($keep, 2)}"><t:s key="coverage.first"/></a>
      </xsl:if>
      <xsl:if test="string(rows/@next)">
        <a rel="next" href="{$base}?after={rows/@next}{$keep}"><t:s key="coverage.next"/></a>
      </xsl:if>
      <span class="muted">
        <t:s key="coverage.count"><t:arg name="n"><xsl:value-of select="rows/@count"/></t:arg></t:s>
      </span>
    </nav>
  </xsl:template>

  <xsl:template name="status-option">
    <xsl:param name="code"/>
    <option value="{$code}">
      <xsl:if test="$code = /page/data/filter/@status">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <t:label set="plfilter" select="$code"/>
    </option>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
input.unitid{width:6rem}
form.inline .links{margin-left:auto;display:flex;gap:1rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
