<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/notice_form.xsl — the office registers a threat notice and so
  assigns it to a unit; due 10 working days (the site's setting) after it
  came.
  data: <systems><system id>name</system>…</systems>? (the unit's, once known),
        <form><field name max error?>value</field>…</form>
          (assignee system_id source notice_no received_at description nonce)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="incnotice.new"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="form/field"/>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="'notices'"/></xsl:call-template>
    <h1><t:s key="incnotice.new"/></h1>
    <xsl:call-template name="unit-first">
      <xsl:with-param name="action" select="'/incidents/notices/new'"/>
      <xsl:with-param name="name" select="'assignee'"/>
    </xsl:call-template>
    <form class="sheet" method="post" action="/incidents/notices/new" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'source'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="incnotice.hint_source"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'notice_no'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="dt-row">
        <xsl:with-param name="name" select="'received_at'"/>
        <xsl:with-param name="hint"><t:s key="incnotice.hint_received"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'assignee'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="incnotice.hint_assignee"/></xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="systems/system">
          <xsl:variable name="sys" select="string($f[@name = 'system_id'])"/>
          <div class="field">
            <label for="f-system_id"><t:s key="field.system_id"/></label>
            <div class="input">
              <select id="f-system_id" name="system_id">
                <option value=""><t:s key="incsheet.no_system"/></option>
                <xsl:for-each select="systems/system">
                  <option value="{@id}">
                    <xsl:if test="@id = $sys"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="."/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
          </div>
        </xsl:when>
        <xsl:when test="string($f[@name = 'system_id']/@error)">
          <xsl:call-template name="field-row"><xsl:with-param name="name" select="'system_id'"/></xsl:call-template>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="area-row">
        <xsl:with-param name="name" select="'description'"/>
        <xsl:with-param name="rows" select="6"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <p class="formbuttons">
        <button type="submit"><t:s key="incnotice.submit"/></button>
        <a href="/incidents/notices"><t:s key="change.cancel"/></a>
      </p>
    </form>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
