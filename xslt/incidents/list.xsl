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
    <form class="inline" method="get" action="/incidents/list">
      <label>
        <t:s key="inclist.filter_status"/>
        <select name="status">
          <option value=""><t:s key="inclist.all"/></option>
          <option value="open">
            <xsl:if test="$st = 'open'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <t:label set="incstatus" select="'open'"/>
          </option>
          <option value="closed">
            <xsl:if test="$st = 'closed'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <t:label set="incstatus" select="'closed'"/>
          </option>
        </select>
      </label>
      <button type="submit" class="secondary"><t:s key="coverage.filter_apply"/></button>
    </form>
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
        <p class="notice info"><t:s key="incboard.empty_list"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <nav class="pager">
      <xsl:attribute name="aria-label"><t:s key="coverage.pages"/></xsl:attribute>
      <xsl:if test="contains(concat('&amp;', /page/@query), '&amp;before=')">
        <a href="/incidents/list?status={$st}"><t:s key="coverage.first"/></a>
      </xsl:if>
      <xsl:if test="string(incidents/@next)">
        <a rel="next" href="/incidents/list?status={$st}&amp;before={incidents/@next}"><t:s key="coverage.next"/></a>
      </xsl:if>
      <span class="muted">
        <t:s key="coverage.count"><t:arg name="n"><xsl:value-of select="incidents/@count"/></t:arg></t:s>
      </span>
    </nav>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
