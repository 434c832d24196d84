<?xml version="1.0" encoding="UTF-8"?>
<!-- office/account.xsl — one account (account.c): <account …/>, <form> (edit), <password min max shown?/>,
     <pick>, @self, @done, @conflict. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><xsl:value-of select="/page/data/account/@login"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="a" select="account"/>
    <xsl:call-template name="office-nav"/>
    <h1><xsl:value-of select="$a/@login"/><xsl:text> </xsl:text><xsl:value-of select="$a/name"/></h1>
    <p class="help"><t:s key="help.office/account"/></p>
    <xsl:call-template name="done"/>
    <xsl:if test="string(password/@shown)">
      <div class="notice warn" role="status">
        <p><t:s key="office.pw_generated"/></p>
        <p><code class="password"><xsl:value-of select="password/@shown"/></code></p>
      </div>
    </xsl:if>
    <dl class="record">
      <dt><t:s key="ofield.role"/></dt><dd><t:label set="acct" select="$a/@role"/></dd>
      <dt><t:s key="ofield.unit"/></dt><dd><a href="/office/units/{$a/@unit}"><xsl:value-of select="$a/@unit-code"/></a><xsl:text> </xsl:text><xsl:value-of select="$a/unit-name"/></dd>
      <dt><t:s key="ofield.sso_name"/></dt><dd><xsl:value-of select="$a/@sso"/><xsl:if test="not(string($a/@sso))"><span class="muted">—</span></xsl:if></dd>
      <dt><t:s key="office.state"/></dt><dd><xsl:choose>
        <xsl:when test="$a/@active = '1'"><t:s key="office.enabled"/></xsl:when>
        <xsl:otherwise><span class="chip chip-muted"><t:s key="office.disabled"/></span></xsl:otherwise>
      </xsl:choose></dd>
      <dt><t:s key="office.password"/></dt><dd><xsl:choose>
        <xsl:when test="$a/@has-password = '1'"><t:s key="office.pw_set_at"><t:arg name="at"><xsl:value-of select="$a/@set-at"/></t:arg></t:s></xsl:when>
        <xsl:otherwise><t:s key="office.pw_none"/></xsl:otherwise>
      </xsl:choose></dd>
      <dt><t:s key="office.updated"/></dt><dd><xsl:value-of select="$a/@updated-at"/><xsl:text> </xsl:text><xsl:value-of select="$a/@updated-by"/></dd>
    </dl>
    <p class="hint"><t:s key="office.cache_hint"/></p>
    <h2><t:s key="office.account_edit"/></h2>
    <form method="post" action="/office/accounts/{$a/@id}">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'role'"/><xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="set" select="'acct'"/><xsl:with-param name="codes" select="'unit_staff unit_head office leader auditor center'"/></xsl:call-template>
      <xsl:call-template name="unit-select"><xsl:with-param name="name" select="'unit'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sso_name'"/>
        <xsl:with-param name="hint"><t:s key="office.sso_hint"/></xsl:with-param></xsl:call-template>
      <p><button type="submit"><t:s key="office.save"/></button></p>
    </form>
    <h2><t:s key="office.password_reset"/></h2>
    <form method="post" action="/office/accounts/{$a/@id}/password" autocomplete="off">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="version" value="{$a/@version}"/>
      <div class="field">
        <label for="f-password"><t:s key="office.pw_new"/></label>
        <div class="input">
          <input id="f-password" name="password" type="password" autocomplete="new-password" minlength="{password/@min}" maxlength="{password/@max}"/>
          <p class="hint"><t:s key="office.pw_hint"><t:arg name="min"><xsl:value-of select="password/@min"/></t:arg></t:s></p>
        </div>
      </div>
      <p>
        <button type="submit" name="mode" value="set"><t:s key="office.pw_set"/></button>
        <xsl:text> </xsl:text>
        <button type="submit" name="mode" value="generate"><t:s key="office.pw_generate"/></button>
      </p>
    </form>
    <xsl:if test="not(@self = '1')">
      <h2><t:s key="office.access"/></h2>
      <form method="post" action="/office/accounts/{$a/@id}/active">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="version" value="{$a/@version}"/>
        <xsl:choose>
          <xsl:when test="$a/@active = '1'"><button type="submit" name="action" value="disable"><t:s key="office.disable"/></button></xsl:when>
          <xsl:otherwise><button type="submit" name="action" value="enable"><t:s key="office.enable"/></button></xsl:otherwise>
        </xsl:choose>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
