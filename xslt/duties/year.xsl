<?xml version="1.0" encoding="UTF-8"?>
<!--
  duties/year.xsl — the office opens a year (modules/duties/year.c):
  data <year year opened inspect-due? default-due/> <years><y n open>YEAR</y>…</years>
       <form> (year, inspect_due)
  Opening again adds what is missing and moves the self-inspection day.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="du.year_title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <p class="crumbs small"><a href="{$base}"><t:s key="du.title"/></a></p>
    <h1><t:s key="du.year_title"/></h1>
    <p class="muted"><t:s key="du.year_intro"/></p>
    <xsl:if test="year/@opened = '1'">
      <p class="notice info">
        <t:s key="du.year_opened">
          <t:arg name="year"><xsl:value-of select="year/@year"/></t:arg>
          <t:arg name="date"><xsl:value-of select="year/@inspect-due"/></t:arg>
        </t:s>
      </p>
    </xsl:if>
    <form class="duty" method="post" action="{$base}year" novalidate="novalidate">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="type" select="'number'"/>
        <xsl:with-param name="required" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="field-row">
        <xsl:with-param name="name" select="'inspect_due'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="du.hint_inspect_due"/></xsl:with-param>
      </xsl:call-template>
      <p class="formbuttons">
        <button type="submit"><t:s key="du.open_year"/></button>
        <a href="{$base}"><t:s key="change.cancel"/></a>
      </p>
    </form>
    <xsl:if test="years/y">
      <h2><t:s key="du.years"/></h2>
      <ul>
        <xsl:for-each select="years/y">
          <li>
            <a href="{$base}?year={.}"><xsl:value-of select="."/></a>
            <xsl:text> </xsl:text>
            <span class="muted">
              <t:s key="du.year_counts">
                <t:arg name="n"><xsl:value-of select="@n"/></t:arg>
                <t:arg name="open"><xsl:value-of select="@open"/></t:arg>
              </t:s>
            </span>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="du-css"/>
  </xsl:template>
</xsl:stylesheet>
