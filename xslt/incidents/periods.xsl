<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/periods.xsl — the important periods (重要时期) the office has
  declared, the latest first; each day of one every unit reports.
  data: <filter unit? unit-name? sort dir q lq-q lq/>,
        <periods count next? next-at? first?><period id starts ends current reported? days?><name/><remark/></period>…</periods>
  The everyday tools (listtools.xsl): the search, the sortable column
  titles, the exports, the pages; with a unit (the office's ?unit=ID as
  the dashboard links it, or a unit's own staff) each period says how many
  of its days so far the unit reported.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../listtools.xsl"/>

  <xsl:template name="title">
    <t:s key="incperiod.list_title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="'/incidents/periods'"/>
    <xsl:variable name="f" select="filter"/>
    <xsl:variable name="keep">
      <xsl:if test="string($f/@unit)">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if>
    </xsl:variable>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'periods'"/></xsl:call-template>
    <h1><t:s key="incperiod.list_title"/></h1>
    <p class="muted"><t:s key="incperiod.intro"/></p>
    <xsl:if test="$role = 'office'">
      <p class="actions"><a class="button" href="/incidents/periods/new"><t:s key="incperiod.new"/></a></p>
    </xsl:if>
    <xsl:call-template name="lt-unit">
      <xsl:with-param name="base" select="$base"/>
    </xsl:call-template>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><t:s key="lt.hint_period"/></xsl:with-param>
        </xsl:call-template>
        <xsl:if test="string($f/@unit)"><input type="hidden" name="unit" value="{$f/@unit}"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string($keep) or string($f/@q)"><xsl:value-of select="$base"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:call-template name="lt-exports">
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="periods/period">
        <div class="tablewrap">
          <table>
            <thead>
              <tr>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'name'"/>
                  <xsl:with-param name="label"><t:s key="field.period_name"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'starts'"/>
                  <xsl:with-param name="label"><t:s key="field.starts"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <th scope="col"><t:s key="field.ends"/></th>
                <xsl:if test="periods/period/@days">
                  <th scope="col">
                    <t:s key="lt.period_reported">
                      <t:arg name="unit"><xsl:value-of select="$f/@unit-name"/></t:arg>
                    </t:s>
                  </th>
                </xsl:if>
                <th scope="col"><t:s key="field.remark"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="periods/period">
                <tr>
                  <td>
                    <a href="/incidents/periods/{@id}"><xsl:value-of select="name"/></a>
                    <xsl:if test="@current = '1'"><small class="dates"><t:s key="incperiod.current"/></small></xsl:if>
                  </td>
                  <td class="num"><xsl:value-of select="@starts"/></td>
                  <td class="num"><xsl:value-of select="@ends"/></td>
                  <xsl:if test="@days">
                    <td class="num">
                      <t:s key="lt.period_days">
                        <t:arg name="reported"><xsl:value-of select="@reported"/></t:arg>
                        <t:arg name="days"><xsl:value-of select="@days"/></t:arg>
                      </t:s>
                    </td>
                  </xsl:if>
                  <td><xsl:value-of select="remark"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="incperiod.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="lt-pager">
      <xsl:with-param name="base" select="$base"/>
      <xsl:with-param name="keep" select="$keep"/>
      <xsl:with-param name="rows" select="periods"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
