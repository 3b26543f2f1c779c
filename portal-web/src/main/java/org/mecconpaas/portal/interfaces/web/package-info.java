/**
 * The PrimeFaces portal. Backing beans hold view state only and call the manager's use cases, as
 * the REST resources do; what they show is mapped into small view records. Pure helpers draw the
 * edge map as SVG coordinates ({@link org.mecconpaas.portal.interfaces.web.EdgeMap}) and the charts
 * as Chart.js configurations ({@link org.mecconpaas.portal.interfaces.web.ChartConfig}), and {@link
 * org.mecconpaas.portal.interfaces.web.PortalGuard} ends sessions of disabled accounts and refuses
 * oversize uploads before they are spooled.
 */
package org.mecconpaas.portal.interfaces.web;
