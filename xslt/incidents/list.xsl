<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/list.xsl — every incident, newest first, open or closed.
  data: <filter status/>, <incidents count next?><incident id unit-id …
          status closed?><unit/><summary/></incident>…</incidents>
  next is the id to page before (?before=…), the filter kept.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="inclist.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="st" select="string(filter/@status)"/>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'list'"/></xsl:call-template>
    <h1><t:s key="inclist.title"/></h1>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/incidents/list'"/>
      <xsl:with-param name="fields">
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
        <xsl:if test="$st != ''">/incidents/list</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="incidents/incident">
        <div class="tablewrap">
          <table>
            <thead>
              <tr>
                <th scope="col"><t:s key="inc.col_id"/></th>
                <th scope="col"><t:s key="field.unit"/></th>
                <th scope="col"><t:s key="field.category"/></th>
                <th scope="col"><t:s key="field.level"/></th>
                <th scope="col"><t:s key="field.started_at"/></th>
                <th scope="col"><t:s key="inc.col_reported"/></th>
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
    <xsl:call-template name="pager">
      <xsl:with-param name="first">
        <xsl:if test="contains(concat('&amp;', /page/@query), '&amp;before=')">
          <xsl:value-of select="concat('/incidents/list?status=', $st)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="next">
        <xsl:if test="string(incidents/@next)">
          <xsl:value-of select="concat('/incidents/list?status=', $st, '&amp;before=', incidents/@next)"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="count" select="incidents/@count"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
