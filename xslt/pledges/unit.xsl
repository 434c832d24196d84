<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/unit.xsl — one unit's pledges: where it (and each of its persons)
  stands with every kind it must sign, every signing the unit made, its
  persons, and the form that adds a person (when the account may).
  data: <unit id code writable><name/></unit>, <kinds …/>,
        <parties><party kind party-type party-id unit-id code status …><name/></party>…</parties>
          (coverage rows: see coverage.xsl),
        <signings><signing id kind party-type party-id unit-id template-id version
          signed sealed current superseded-by created-at created-by><title/>
          <signer name title/><scan id mime size sha256/>?</signing>…</signings>,
        <persons><person id staff-no active><name/></person>…</persons>,
        <form><field name max error?>value</field>…</form>? (name, staff_no, nonce)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <xsl:value-of select="/page/data/unit/name"/>
    <xsl:text> · </xsl:text>
    <t:s key="punit.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="u" select="unit"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:if test="$all = '1'">
        <xsl:text> · </xsl:text>
        <a href="{$base}?status=all&amp;unit={$u/@id}"><t:s key="punit.in_coverage"/></a>
      </xsl:if>
      <xsl:text> · </xsl:text>
      <a href="/registration/{$u/@id}"><t:s key="punit.registration"/></a>
    </p>
    <h1>
      <xsl:value-of select="$u/name"/>
      <span class="sub"><xsl:value-of select="$u/@code"/></span>
    </h1>

    <h2><t:s key="punit.status"/></h2>
    <xsl:choose>
      <xsl:when test="parties/party">
        <div class="tablewrap">
          <table class="coverage">
            <thead>
              <xsl:call-template name="cells-head"/>
            </thead>
            <tbody>
              <xsl:for-each select="parties/party">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">overdue</xsl:attribute>
                  </xsl:if>
                  <xsl:apply-templates select="." mode="cells"/>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.none_required"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="kinds/kind[@resign = '1']">
      <p class="small muted">
        <t:s key="punit.resign_rule"><t:arg name="days"><xsl:value-of select="kinds/@resign-days"/></t:arg></t:s>
      </p>
    </xsl:if>

    <h2><t:s key="punit.signings"/></h2>
    <xsl:choose>
      <xsl:when test="signings/signing">
        <div class="tablewrap">
          <table class="signings">
            <thead>
              <tr>
                <th scope="col"><t:s key="pl.col_kind"/></th>
                <th scope="col"><t:s key="pl.col_text"/></th>
                <th scope="col"><t:s key="pl.col_signer"/></th>
                <th scope="col"><t:s key="pl.col_signed"/></th>
                <th scope="col"><t:s key="pl.col_sealed"/></th>
                <th scope="col"><t:s key="pl.col_state"/></th>
                <th scope="col"><t:s key="pl.col_scan"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="signings/signing">
                <tr>
                  <xsl:if test="@current != '1'">
                    <xsl:attribute name="class">old</xsl:attribute>
                  </xsl:if>
                  <td><t:label set="plkind" select="@kind"/></td>
                  <td>
                    <a href="/pledges/templates/{@template-id}"><xsl:value-of select="title"/></a>
                    <small class="dates">
                      <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="@version"/></t:arg></t:s>
                    </small>
                  </td>
                  <td>
                    <xsl:value-of select="signer/@name"/>
                    <xsl:if test="string(signer/@title)">
                      <small class="dates"><xsl:value-of select="signer/@title"/></small>
                    </xsl:if>
                  </td>
                  <td class="num"><a href="/pledges/signings/{@id}"><xsl:value-of select="@signed"/></a></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@sealed = '1'"><t:s key="pl.yes"/></xsl:when>
                      <xsl:otherwise><t:s key="pl.no"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@current = '1'">
                        <span class="ontime"><t:s key="pl.current"/></span>
                      </xsl:when>
                      <xsl:when test="@superseded-by != '0'">
                        <a href="/pledges/signings/{@superseded-by}"><t:s key="pl.superseded"/></a>
                      </xsl:when>
                      <xsl:otherwise><span class="muted"><t:s key="pl.superseded"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:if test="scan">
                      <a href="/pledges/signings/{@id}/scan"><t:s key="pl.download"/></a>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.signings_none"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <h2 id="persons"><t:s key="punit.persons"/></h2>
    <p class="small muted"><t:s key="punit.persons_intro"/></p>
    <xsl:choose>
      <xsl:when test="persons/person">
        <div class="tablewrap">
          <table class="persons">
            <thead>
              <tr>
                <th scope="col"><t:s key="field.name"/></th>
                <th scope="col"><t:s key="field.staff_no"/></th>
                <th scope="col"><t:s key="pl.col_status"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="persons/person">
                <tr>
                  <td><xsl:value-of select="name"/></td>
                  <td class="code"><xsl:value-of select="@staff-no"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@active = '1'"><t:s key="punit.active"/></xsl:when>
                      <xsl:otherwise><span class="muted"><t:s key="punit.inactive"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="muted"><t:s key="punit.persons_none"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:if test="form">
      <h3><t:s key="punit.add_person"/></h3>
      <xsl:if test="form/field[@name = 'nonce'][string(@error)]">
        <p class="notice bad">
          <t:s key="pl.stale"/>
          <xsl:text> </xsl:text>
          <a href="{$base}units/{$u/@id}#persons"><t:s key="pl.reload"/></a>
        </p>
      </xsl:if>
      <form class="person" method="post" action="{$base}units/{$u/@id}/persons" autocomplete="off" novalidate="novalidate">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="field-row">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="field-row">
          <xsl:with-param name="name" select="'staff_no'"/>
          <xsl:with-param name="required" select="true()"/>
          <xsl:with-param name="hint"><t:s key="punit.hint_staff_no"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="hidden">
          <xsl:with-param name="name" select="'nonce'"/>
        </xsl:call-template>
        <p class="formbuttons">
          <button type="submit"><t:s key="punit.add_submit"/></button>
        </p>
      </form>
    </xsl:if>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
table.signings tr.old td{color:var(--muted)}
form.person{max-width:42rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
