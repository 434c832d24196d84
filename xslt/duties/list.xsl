<?xml version="1.0" encoding="UTF-8"?>
<!--
  duties/list.xsl — a year's duties (modules/duties/list.c):
  data <duties year today office all unit? duty? after? next?>
         <years><y/>…</years> <defs><def code owner title/>…</defs>
         <units><unit id code name/>…</units>? <summary><row code title n done submitted overdue/>…</summary>?
         <rows count><inst id code owner unit-id unit-code due state stand files version><title/><unit/>?</inst>…</rows>
  A unit's accounts see their own unit's only (list.c), so only the roles
  that read every unit get the unit filter and the count per duty.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="du.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="d" select="duties"/>
    <xsl:variable name="keep">
      <xsl:text>?year=</xsl:text><xsl:value-of select="$d/@year"/>
      <xsl:if test="string($d/@unit)">&amp;unit=<xsl:value-of select="$d/@unit"/></xsl:if>
      <xsl:if test="string($d/@duty)">&amp;duty=<xsl:value-of select="$d/@duty"/></xsl:if>
    </xsl:variable>
    <h1>
      <t:s key="du.title_year"><t:arg name="year"><xsl:value-of select="$d/@year"/></t:arg></t:s>
    </h1>
    <p class="muted">
      <t:s key="du.intro"/>
      <xsl:if test="$d/@all != '1'">
        <xsl:text> </xsl:text>
        <t:s key="du.own_unit"/>
      </xsl:if>
    </p>
    <xsl:if test="$d/@office = '1'">
      <p class="actions">
        <a class="button" href="{$base}year?year={$d/@year}"><t:s key="du.open_year"/></a>
      </p>
    </xsl:if>

    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <label>
          <t:s key="du.filter_year"/>
          <input type="number" name="year" min="2000" max="2099" value="{$d/@year}" class="year"/>
        </label>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="du.filter_duty"/></xsl:with-param>
          <xsl:with-param name="name" select="'duty'"/>
          <xsl:with-param name="any"><t:s key="du.filter_any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:for-each select="$d/defs/def">
              <option value="{@code}">
                <xsl:if test="@code = $d/@duty"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="@title"/>
              </option>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$d/@all = '1'">
          <xsl:call-template name="filter-select">
            <xsl:with-param name="label"><t:s key="du.filter_unit"/></xsl:with-param>
            <xsl:with-param name="name" select="'unit'"/>
            <xsl:with-param name="any"><t:s key="du.filter_any"/></xsl:with-param>
            <xsl:with-param name="options">
              <xsl:for-each select="$d/units/unit">
                <option value="{@id}">
                  <xsl:if test="@id = $d/@unit"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="@name"/>
                  <xsl:text> · </xsl:text>
                  <xsl:value-of select="@code"/>
                </option>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string($d/@unit) or string($d/@duty)"><xsl:value-of select="$base"/>?year=<xsl:value-of select="$d/@year"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:if test="$d/summary/row">
      <h2><t:s key="du.summary"/></h2>
      <div class="tablewrap">
        <table class="duties summary">
          <thead>
            <tr>
              <th scope="col"><t:s key="du.col_duty"/></th>
              <th scope="col"><t:s key="du.col_n"/></th>
              <th scope="col"><t:s key="du.col_done"/></th>
              <th scope="col"><t:s key="du.col_submitted"/></th>
              <th scope="col"><t:s key="du.col_overdue"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$d/summary/row">
              <tr>
                <th scope="row"><a href="{$base}?year={$d/@year}&amp;duty={@code}"><xsl:value-of select="@title"/></a></th>
                <td class="num"><xsl:value-of select="@n"/></td>
                <td class="num"><xsl:value-of select="@done"/></td>
                <td class="num"><xsl:value-of select="@submitted"/></td>
                <td class="num">
                  <xsl:choose>
                    <xsl:when test="@overdue &gt; 0"><span class="late"><xsl:value-of select="@overdue"/></span></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@overdue"/></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>

    <h2><t:s key="du.rows"/></h2>
    <xsl:choose>
      <xsl:when test="$d/rows/inst">
        <div class="tablewrap">
          <table class="duties">
            <thead>
              <tr>
                <th scope="col"><t:s key="du.col_duty"/></th>
                <th scope="col"><t:s key="du.col_owner"/></th>
                <th scope="col"><t:s key="du.col_due"/></th>
                <th scope="col"><t:s key="du.col_state"/></th>
                <th scope="col"><t:s key="du.col_files"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$d/rows/inst">
                <tr data-id="{@id}" data-stand="{@stand}">
                  <xsl:if test="@stand = 'overdue'"><xsl:attribute name="class">overdue</xsl:attribute></xsl:if>
                  <td><a href="/duties/{@id}"><xsl:value-of select="title"/></a></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@owner = 'office'"><t:s key="du.owner_office"/></xsl:when>
                      <xsl:otherwise>
                        <xsl:call-template name="unit-label">
                          <xsl:with-param name="name" select="unit"/>
                          <xsl:with-param name="code" select="@unit-code"/>
                        </xsl:call-template>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:call-template name="deadline">
                      <xsl:with-param name="due" select="@due"/>
                      <xsl:with-param name="overdue" select="@stand = 'overdue'"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="stand"><xsl:with-param name="s" select="@stand"/></xsl:call-template>
                  </td>
                  <td class="num"><xsl:value-of select="@files"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="first">
            <xsl:if test="string($d/@after)"><xsl:value-of select="concat($base, $keep)"/></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="next">
            <xsl:if test="string($d/@next)"><xsl:value-of select="concat($base, $keep, '&amp;after=', $d/@next)"/></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="count" select="$d/rows/@count"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$d/@office = '1'"><t:s key="du.none_office"/></xsl:when>
              <xsl:otherwise><t:s key="du.none"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="du-css"/>
    <xsl:text>
input.year{width:6rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
