<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/list.xsl — every incident, newest first, open or closed.
  data: <filter status unit? unit-name? sort dir q lq-q lq/>, <incidents count
          next? next-at? first?><incident id unit-id … status closed?><unit/><summary/></incident>…</incidents>
  The everyday tools (listtools.xsl): the search, the sortable column
  titles, the exports; every link keeps the status and the unit filter
  (the office's ?unit=ID, the dashboard's links), pages seek with
  ?at=NEXT-AT&after=NEXT.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../listtools.xsl"/>

  <xsl:template name="title">
    <t:s key="inclist.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="st" select="string(filter/@status)"/>
    <xsl:variable name="base" select="'/incidents/list'"/>
    <xsl:variable name="f" select="filter"/>
    <!-- the filters, to keep on every link -->
    <xsl:variable name="keep">
      <xsl:if test="$st != ''">&amp;status=<xsl:value-of select="$st"/></xsl:if>
      <xsl:if test="string($f/@unit)">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if>
    </xsl:variable>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'list'"/></xsl:call-template>
    <h1><t:s key="inclist.title"/></h1>
    <xsl:call-template name="lt-unit">
      <xsl:with-param name="base" select="$base"/>
      <xsl:with-param name="keep"><xsl:if test="$st != ''">&amp;status=<xsl:value-of select="$st"/></xsl:if></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><t:s key="lt.hint_inc"/></xsl:with-param>
        </xsl:call-template>
        <xsl:if test="string($f/@unit)"><input type="hidden" name="unit" value="{$f/@unit}"/></xsl:if>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="inclist.filter_status"/></xsl:with-param>
          <xsl:with-param name="name" select="'status'"/>
          <xsl:with-param name="any"><t:s key="inclist.all"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options">
              <xsl:with-param name="set" select="'incstatus'"/>
              <xsl:with-param name="codes" select="'open closed'"/>
              <xsl:with-param name="value" select="$st"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
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
      <xsl:when test="incidents/incident">
        <div class="tablewrap">
          <table>
            <thead>
              <tr>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'id'"/>
                  <xsl:with-param name="label"><t:s key="inc.col_id"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <th scope="col"><t:s key="field.unit"/></th>
                <th scope="col"><t:s key="field.category"/></th>
                <th scope="col"><t:s key="field.level"/></th>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'started'"/>
                  <xsl:with-param name="label"><t:s key="field.started_at"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'reported'"/>
                  <xsl:with-param name="label"><t:s key="inc.col_reported"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <th scope="col"><t:s key="inc.col_status"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="incidents/incident">
                <tr>
                  <td class="num"><a href="/incidents/{@id}">#<xsl:value-of select="@id"/></a></td>
                  <td><xsl:value-of select="unit"/></td>
                  <td>
                    <xsl:call-template name="category">
                      <xsl:with-param name="tax" select="@taxonomy"/>
                      <xsl:with-param name="code" select="@category"/>
                    </xsl:call-template>
                    <small class="dates"><xsl:value-of select="summary"/></small>
                  </td>
                  <td class="num">
                    <xsl:call-template name="level"><xsl:with-param name="l" select="@level"/></xsl:call-template>
                  </td>
                  <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@started"/></xsl:call-template></td>
                  <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@reported"/></xsl:call-template></td>
                  <td>
                    <t:label set="incstatus" select="@status"/>
                    <xsl:if test="@closed">
                      <small class="dates"><xsl:call-template name="time"><xsl:with-param name="t" select="@closed"/></xsl:call-template></small>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="incboard.empty_list"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="lt-pager">
      <xsl:with-param name="base" select="$base"/>
      <xsl:with-param name="keep" select="$keep"/>
      <xsl:with-param name="rows" select="incidents"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
