<?xml version="1.0" encoding="UTF-8"?>
<!--
  login/form.xsl — the sign-in form (data/@mode = password): login, password,
  the hidden next; a wrong password's notice comes from the layout's message
  area, a lock's wait (data/@locked, seconds) is said here.  With
  data/@mode = sso the page only points to the campus SSO (data/@sso-url).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>
  <xsl:template name="title"><t:s key="login.title"/></xsl:template>
  <xsl:template name="field-label">
    <xsl:param name="name"/>
    <t:label set="lfield" select="$name"/>
  </xsl:template>
  <xsl:template name="css-extra">
    <xsl:text>.signin{max-width:28rem}.signin .field{grid-template-columns:1fr}.signin .field>label{text-align:left}.signin button{font-size:1rem;padding:.35rem 1.5rem}</xsl:text>
  </xsl:template>
  <xsl:template match="data" mode="content">
    <section class="signin">
      <h1><t:s key="login.title"/></h1>
      <p class="hint"><t:s key="help.login/form"/></p>
      <xsl:choose>
        <xsl:when test="@mode = 'sso'">
          <p id="login-sso"><t:s key="login.sso"/></p>
          <p><a href="{@sso-url}"><t:s key="login.sso_link"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="@out = '1'">
            <p class="notice ok" role="status" id="login-out"><t:s key="login.signed_out"/></p>
          </xsl:if>
          <xsl:if test="string(@locked)">
            <p class="notice bad" role="alert" id="login-locked">
              <t:s key="login.locked"><t:arg name="n"><xsl:value-of select="@locked"/></t:arg></t:s>
            </p>
          </xsl:if>
          <form method="post" action="/login">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="hidden"><xsl:with-param name="name" select="'next'"/></xsl:call-template>
            <xsl:call-template name="field-row">
              <xsl:with-param name="name" select="'login'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="autocomplete" select="'username'"/>
            </xsl:call-template>
            <xsl:call-template name="field-row">
              <xsl:with-param name="name" select="'password'"/>
              <xsl:with-param name="type" select="'password'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="autocomplete" select="'current-password'"/>
            </xsl:call-template>
            <p><button type="submit"><t:s key="login.submit"/></button></p>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
