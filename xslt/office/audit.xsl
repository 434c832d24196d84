<?xml version="1.0" encoding="UTF-8"?>
<!-- office/audit.xsl — the audit viewer (audit.c): <filter unit login rtype rid from to/>, <entries next-at?
     next-id?><entry …><field name changed before? after?/>…<before/>?<after/>?</entry>…</entries>, <pick>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.audit"/></xsl:template>
  <xsl:template name="css-extra">
    .audit td.diff table { margin: 0; }
    .audit tr.same td { color: #666; }
    .audit del { background: #fde2e2; text-decoration: line-through; }
    .audit ins { background: #dcf5dc; text-decoration: none; }
  </xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="filter"/>
    <xsl:if test="/page/account/@role = 'office'"><xsl:call-template name="office-nav"/></xsl:if>
    <h1><t:s key="office.audit"/></h1>
    <p class="help"><t:s key="help.office/audit"/></p>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/office/audit'"/>
      <xsl:with-param name="clear" select="'/office/audit'"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="office.audit_unit"/></xsl:with-param>
          <xsl:with-param name="name" select="'unit'"/>
          <xsl:with-param name="any"><t:s key="office.any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:for-each select="pick/unit">
              <option value="{@id}"><xsl:if test="@id = $f/@unit"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="@code"/><xsl:text> </xsl:text><xsl:value-of select="."/></option>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <label><t:s key="office.audit_login"/><xsl:text> </xsl:text><input name="login" value="{$f/@login}" maxlength="64" size="12"/></label>
        <label><t:s key="office.audit_rtype"/><xsl:text> </xsl:text><input name="rtype" value="{$f/@rtype}" maxlength="32" size="10"/></label>
        <label><t:s key="office.audit_rid"/><xsl:text> </xsl:text><input name="rid" value="{$f/@rid}" maxlength="18" size="6" inputmode="numeric"/></label>
        <label><t:s key="office.audit_from"/><xsl:text> </xsl:text><input type="date" name="from" value="{$f/@from}"/></label>
        <label><t:s key="office.audit_to"/><xsl:text> </xsl:text><input type="date" name="to" value="{$f/@to}"/></label>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(entries/entry)">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="office.audit_none"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="tablewrap">
          <table class="audit">
            <thead><tr>
              <th scope="col"><t:s key="office.audit_at"/></th><th scope="col"><t:s key="office.audit_who"/></th>
              <th scope="col"><t:s key="office.audit_record"/></th><th scope="col"><t:s key="office.audit_action"/></th>
              <th scope="col"><t:s key="office.audit_change"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="entries/entry">
                <tr id="a{@id}">
                  <td><xsl:call-template name="time"><xsl:with-param name="t" select="@at"/></xsl:call-template></td>
                  <td><a href="/office/audit?login={@login}"><xsl:value-of select="@login"/></a>
                    <br/><span class="muted"><t:label set="acct" select="@role"/><xsl:text> </xsl:text><xsl:value-of select="@unit-code"/></span></td>
                  <td><xsl:value-of select="@module"/><xsl:text> · </xsl:text>
                    <a href="/office/audit?rtype={@record-type}&amp;rid={@record-id}"><xsl:value-of select="@record-type"/><xsl:text> </xsl:text><xsl:value-of select="@record-id"/></a></td>
                  <td><xsl:value-of select="@action"/></td>
                  <td class="diff">
                    <xsl:choose>
                      <xsl:when test="field">
                        <table>
                          <xsl:for-each select="field">
                            <tr>
                              <xsl:if test="@changed != '1'"><xsl:attribute name="class">same</xsl:attribute></xsl:if>
                              <th scope="row"><xsl:value-of select="@name"/></th>
                              <td>
                                <xsl:choose>
                                  <xsl:when test="@changed = '1'">
                                    <xsl:if test="@before"><del><xsl:value-of select="@before"/></del><xsl:text> → </xsl:text></xsl:if>
                                    <ins><xsl:value-of select="@after"/><xsl:if test="not(@after)">—</xsl:if></ins>
                                  </xsl:when>
                                  <xsl:otherwise><xsl:value-of select="@before"/></xsl:otherwise>
                                </xsl:choose>
                              </td>
                            </tr>
                          </xsl:for-each>
                        </table>
                      </xsl:when>
                      <xsl:when test="string(before) or string(after)">
                        <xsl:if test="string(before)"><p><del><xsl:value-of select="before"/></del></p></xsl:if>
                        <xsl:if test="string(after)"><p><ins><xsl:value-of select="after"/></ins></p></xsl:if>
                      </xsl:when>
                      <xsl:otherwise><span class="muted">—</span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:if test="string(entries/@next-at)">
          <xsl:call-template name="pager">
            <xsl:with-param name="first" select="concat('/office/audit?unit=', $f/@unit, '&amp;login=', $f/@login, '&amp;rtype=', $f/@rtype, '&amp;rid=', $f/@rid, '&amp;from=', $f/@from, '&amp;to=', $f/@to)"/>
            <xsl:with-param name="next" select="concat('/office/audit?unit=', $f/@unit, '&amp;login=', $f/@login, '&amp;rtype=', $f/@rtype, '&amp;rid=', $f/@rid, '&amp;from=', $f/@from, '&amp;to=', $f/@to, '&amp;bat=', entries/@next-at, '&amp;bid=', entries/@next-id)"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
