<?xml version="1.0" encoding="UTF-8"?>
<!-- office/accounts.xsl — the accounts (account.c): <filter q role after?/> <accounts next?><account …/>…</accounts>,
     <form> (create), <pick> (units). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.accounts"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:call-template name="office-nav"/>
    <h1><t:s key="office.accounts"/></h1>
    <p class="help"><t:s key="help.office/accounts"/></p>
    <xsl:variable name="role" select="filter/@role"/>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/office/accounts'"/>
      <xsl:with-param name="clear" select="'/office/accounts'"/>
      <xsl:with-param name="fields">
        <label><t:s key="office.search_person"/><xsl:text> </xsl:text><input type="search" name="q" value="{filter/@q}" maxlength="64"/></label>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="ofield.role"/></xsl:with-param>
          <xsl:with-param name="name" select="'role'"/>
          <xsl:with-param name="any"><t:s key="office.any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options">
              <xsl:with-param name="set" select="'acct'"/>
              <xsl:with-param name="codes" select="'unit_staff unit_head office leader auditor center'"/>
              <xsl:with-param name="value" select="$role"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(accounts/account)">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="office.no_accounts"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="tablewrap">
          <table class="accounts">
            <thead><tr>
              <th scope="col"><t:s key="ofield.login"/></th><th scope="col"><t:s key="ofield.name"/></th>
              <th scope="col"><t:s key="ofield.role"/></th><th scope="col"><t:s key="ofield.unit"/></th>
              <th scope="col"><t:s key="ofield.sso_name"/></th><th scope="col"><t:s key="office.state"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="accounts/account">
                <tr class="account-{@login}">
                  <td><a href="/office/accounts/{@id}"><xsl:value-of select="@login"/></a></td>
                  <td><xsl:value-of select="name"/></td>
                  <td><t:label set="acct" select="@role"/></td>
                  <td><xsl:value-of select="@unit-code"/><xsl:text> </xsl:text><xsl:value-of select="unit-name"/></td>
                  <td><xsl:value-of select="@sso"/></td>
                  <td><xsl:choose>
                    <xsl:when test="@active = '1'"><t:s key="office.enabled"/></xsl:when>
                    <xsl:otherwise><span class="chip chip-muted"><t:s key="office.disabled"/></span></xsl:otherwise>
                  </xsl:choose></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:if test="string(accounts/@next)">
          <xsl:call-template name="pager">
            <xsl:with-param name="next" select="concat('/office/accounts?q=', filter/@q, '&amp;role=', $role, '&amp;after=', accounts/@next)"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <h2><t:s key="office.account_new"/></h2>
    <form method="post" action="/office/accounts">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'login'"/><xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="office.login_hint"/></xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'role'"/><xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="set" select="'acct'"/><xsl:with-param name="codes" select="'unit_staff unit_head office leader auditor center'"/></xsl:call-template>
      <xsl:call-template name="unit-select"><xsl:with-param name="name" select="'unit'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'sso_name'"/>
        <xsl:with-param name="hint"><t:s key="office.sso_hint"/></xsl:with-param></xsl:call-template>
      <p><button type="submit"><t:s key="office.create"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
