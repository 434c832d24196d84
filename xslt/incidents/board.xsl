<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/board.xsl — the open incidents board: each open incident with
  what it waits for, the next deadline with the time left, nearest first;
  overdue rows marked.  The same data is /incidents/board.xml for a wall
  display.
  data: <incidents now count next?><incident id unit-id unit-code started
          reported taxonomy category level-proposed level next-step status
          next-due? left? overdue?><unit/><summary/></incident>…</incidents>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="incboard.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'board'"/></xsl:call-template>
    <h1><t:s key="incboard.title"/></h1>
    <p class="muted">
      <t:s key="incboard.intro">
        <t:arg name="now">
          <xsl:call-template name="time"><xsl:with-param name="t" select="incidents/@now"/></xsl:call-template>
        </t:arg>
      </t:s>
    </p>
    <p class="actions">
      <xsl:if test="$role = 'office' or $role = 'unit_staff' or $role = 'unit_head'">
        <a class="button" href="/incidents/new"><t:s key="incboard.report"/></a>
      </xsl:if>
      <a href="/incidents/board.xml"><t:s key="incboard.xml"/></a>
    </p>
    <xsl:choose>
      <xsl:when test="incidents/incident">
        <div class="tablewrap">
          <table class="board">
            <thead>
              <tr>
                <th scope="col"><t:s key="inc.col_id"/></th>
                <th scope="col"><t:s key="field.unit"/></th>
                <th scope="col"><t:s key="field.category"/></th>
                <th scope="col"><t:s key="field.level"/></th>
                <th scope="col"><t:s key="field.started_at"/></th>
                <th scope="col"><t:s key="incboard.col_next"/></th>
                <th scope="col"><t:s key="incboard.col_due"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="incidents/incident">
                <tr>
                  <xsl:if test="@overdue = '1'"><xsl:attribute name="class">overdue</xsl:attribute></xsl:if>
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
                    <xsl:choose>
                      <xsl:when test="@level != '0'">
                        <xsl:call-template name="level"><xsl:with-param name="l" select="@level"/></xsl:call-template>
                      </xsl:when>
                      <xsl:when test="@level-proposed != '0'">
                        <xsl:call-template name="level"><xsl:with-param name="l" select="@level-proposed"/></xsl:call-template>
                        <small class="dates"><t:s key="inc.proposed"/></small>
                      </xsl:when>
                      <xsl:otherwise><span class="muted"><t:label set="inclevel" select="'0'"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="num">
                    <xsl:call-template name="time"><xsl:with-param name="t" select="@started"/></xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="step-name">
                      <xsl:with-param name="kind" select="@next-step"/>
                      <xsl:with-param name="level" select="@level"/>
                    </xsl:call-template>
                  </td>
                  <td class="num">
                    <xsl:call-template name="deadline">
                      <xsl:with-param name="due" select="@next-due"/>
                      <xsl:with-param name="left" select="@left"/>
                      <xsl:with-param name="none"><t:s key="incboard.no_due"/></xsl:with-param>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="incboard.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="pager">
      <xsl:with-param name="first">
        <xsl:if test="contains(concat('&amp;', /page/@query), '&amp;after=')">/incidents/</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="next">
        <xsl:if test="string(incidents/@next)"><xsl:value-of select="concat('/incidents/?after=', incidents/@next)"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="count" select="incidents/@count"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
