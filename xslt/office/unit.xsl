<?xml version="1.0" encoding="UTF-8"?>
<!-- office/unit.xsl — one unit (unit.c): <unit …/>, <children>, <form> (edit), <pick>, @done, @conflict. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><xsl:value-of select="/page/data/unit/name"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="u" select="unit"/>
    <xsl:call-template name="office-nav"/>
    <h1><xsl:value-of select="$u/@code"/><xsl:text> </xsl:text><xsl:value-of select="$u/name"/></h1>
    <p class="help"><t:s key="help.office/unit"/></p>
    <xsl:call-template name="done"/>
    <dl class="record">
      <dt><t:s key="ofield.kind"/></dt><dd><t:label set="kind" select="$u/@kind"/></dd>
      <dt><t:s key="ofield.parent"/></dt>
      <dd><xsl:choose>
        <xsl:when test="string($u/@parent)"><a href="/office/units/{$u/@parent}"><xsl:value-of select="$u/@parent-code"/><xsl:text> </xsl:text><xsl:value-of select="$u/parent-name"/></a></xsl:when>
        <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
      </xsl:choose></dd>
      <dt><t:s key="office.state"/></dt>
      <dd><xsl:choose>
        <xsl:when test="$u/@active = '1'"><t:s key="office.open"/></xsl:when>
        <xsl:otherwise><span class="chip chip-muted"><t:s key="office.closed"/></span><xsl:text> </xsl:text>
          <t:s key="office.closed_by"><t:arg name="at"><xsl:value-of select="$u/@closed-at"/></t:arg><t:arg name="by"><xsl:value-of select="$u/@closed-by"/></t:arg></t:s></xsl:otherwise>
      </xsl:choose></dd>
      <dt><t:s key="office.updated"/></dt><dd><xsl:value-of select="$u/@updated-at"/><xsl:text> </xsl:text><xsl:value-of select="$u/@updated-by"/></dd>
    </dl>
    <xsl:if test="children/unit">
      <h2><t:s key="office.children"/></h2>
      <ul>
        <xsl:for-each select="children/unit">
          <li><a href="/office/units/{@id}"><xsl:value-of select="@code"/></a><xsl:text> </xsl:text><xsl:value-of select="."/>
            <xsl:if test="@active != '1'"><xsl:text> </xsl:text><span class="chip chip-muted"><t:s key="office.closed"/></span></xsl:if></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <h2><t:s key="office.unit_edit"/></h2>
    <form method="post" action="/office/units/{$u/@id}">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name_en'"/></xsl:call-template>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'kind'"/><xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="set" select="'kind'"/><xsl:with-param name="codes" select="'school center college office affiliated other'"/></xsl:call-template>
      <xsl:call-template name="unit-select"><xsl:with-param name="name" select="'parent'"/>
        <xsl:with-param name="hint"><t:s key="office.parent_hint"/></xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'webhook_url'"/><xsl:with-param name="type" select="'url'"/>
        <xsl:with-param name="hint"><t:s key="office.webhook_hint"/></xsl:with-param></xsl:call-template>
      <p><button type="submit"><t:s key="office.save"/></button></p>
    </form>
    <h2><t:s key="office.close_title"/></h2>
    <form method="post" action="/office/units/{$u/@id}/close">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="version" value="{$u/@version}"/>
      <xsl:choose>
        <xsl:when test="$u/@active = '1'">
          <p><t:s key="office.close_hint"/></p>
          <p><button type="submit" name="action" value="close"><t:s key="office.close"/></button></p>
        </xsl:when>
        <xsl:otherwise>
          <p><button type="submit" name="action" value="reopen"><t:s key="office.reopen"/></button></p>
        </xsl:otherwise>
      </xsl:choose>
    </form>
  </xsl:template>
</xsl:stylesheet>
